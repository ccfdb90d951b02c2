// trunk's post-build hook (see Trunk.toml): finishes dist/ before trunk moves
// it into place.
//
// 0. The app's wasm is cut into the landing page's module and chunks loaded
//    on demand (scripts/split.mjs), replacing trunk's one wasm and its glue.
// 1. trunk writes the code that starts the wasm as an inline <script> in
//    index.html. The Content-Security-Policy in index.html forbids inline
//    script, so the same code goes to its own hashed file, loaded with an
//    integrity check like every other asset.
// 2. The workbook reader (workbook/, a Web Worker: data-type="worker" in
//    index.html) is loaded only when a workbook is opened. trunk names a
//    worker's files without a hash (workbook.js, workbook_bg.wasm), so they
//    are renamed with one, like every other file, and given a loader the
//    Worker starts from; the page names the loader in
//    <meta name="scrutineer-workbook-reader">, where src/workbook.rs finds
//    it. Nothing in the page preloads them.
// 3. The service worker (sw/sw.js) gets the list of files it keeps for use
//    offline and a version made from their contents, so a new build is a new
//    service worker and the app can offer to reload into it. The workbook
//    reader's files are in that list, so a workbook can be read offline
//    after the first visit; the app registers the service worker once it
//    has started, so caching them never holds up the page.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, renameSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { split } from './split.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this through trunk build.');
  process.exit(1);
}

const digest = (algorithm, bytes, encoding) => createHash(algorithm).update(bytes).digest(encoding);

// 1. The starter script, out of the page.
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 0. The pages loaded on demand.
let splitting;
try {
  splitting = split({ staging, source, html });
} catch (e) {
  console.error(`post-build: splitting the app's wasm failed: ${e.message}`);
  process.exit(1);
}
html = splitting.html;
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) {
  console.error('post-build: trunk\'s inline start-up script was not found in index.html.');
  process.exit(1);
}
const starter = found[1].trim() + '\n';
const starterName = `start-${digest('sha256', starter, 'hex').slice(0, 16)}.js`;
writeFileSync(join(staging, starterName), starter);
const integrity = `sha384-${digest('sha384', starter, 'base64')}`;
html = html.replace(
  inline,
  `<script type="module" src="./${starterName}" integrity="${integrity}" crossorigin="anonymous"></script>`,
);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: index.html still holds an inline script, which the Content-Security-Policy would block.');
  process.exit(1);
}

// 2. The workbook reader: hashed names, a loader, and the page's pointer to it.
const reader = { js: join(staging, 'workbook.js'), wasm: join(staging, 'workbook_bg.wasm') };
if (!existsSync(reader.js) || !existsSync(reader.wasm)) {
  console.error('post-build: the workbook reader (workbook.js, workbook_bg.wasm) was not built; see index.html.');
  process.exit(1);
}
const readerHash = createHash('sha256').update(readFileSync(reader.js)).update(readFileSync(reader.wasm)).digest('hex').slice(0, 16);
const readerJs = `workbook-${readerHash}.js`;
const readerWasm = `workbook-${readerHash}_bg.wasm`;
const readerLoader = `workbook-loader-${readerHash}.js`;
renameSync(reader.js, join(staging, readerJs));
renameSync(reader.wasm, join(staging, readerWasm));
// A classic worker: its relative addresses are the loader's own folder's.
writeFileSync(
  join(staging, readerLoader),
  `importScripts('./${readerJs}');\nwasm_bindgen({ module_or_path: './${readerWasm}' });\n`,
);
if (/<(link|script)\b[^>]*workbook/.test(html)) {
  console.error('post-build: index.html refers to the workbook reader, which must load only when a workbook is opened.');
  process.exit(1);
}
html = html.replace('</head>', `  <meta name="scrutineer-workbook-reader" content="./${readerLoader}">\n  </head>`);
if (!html.includes(readerLoader)) {
  console.error('post-build: index.html has no </head> for the workbook reader\'s address.');
  process.exit(1);
}
writeFileSync(indexPath, html);

// 3. The service worker, with every file of this build.
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(staging, path).split(sep).join('/'));
  }
};
walk(staging);
const kept = files.filter((f) => f !== 'sw.js');
const version = createHash('sha256');
for (const file of kept) version.update(file).update(readFileSync(join(staging, file)));
const template = readFileSync(join(source, 'sw', 'sw.js'), 'utf8');
const worker = template
  .replace("const VERSION = 'development';", `const VERSION = '${version.digest('hex').slice(0, 16)}';`)
  .replace('const FILES = [];', `const FILES = ${JSON.stringify(kept.map((f) => `./${f}`), null, 2)};`);
if (worker === template) {
  console.error('post-build: sw/sw.js lacks the VERSION and FILES lines this script fills in.');
  process.exit(1);
}
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`post-build: ${splitting.chunks.length} wasm chunks loaded on demand; ${starterName} out of index.html; workbook reader at ${readerLoader}; sw.js keeps ${kept.length} files for use offline.`);
