// The first load carries only the landing page: every other page is in a
// wasm chunk fetched when it is first opened (src/pages.rs, the `split`
// feature). trunk cannot cut chunks out (its wasm-bindgen runs on the whole
// wasm), so post-build.mjs calls this on trunk's staging folder:
//
// 1. wasm-split-cli cuts cargo's wasm (linked with --emit-relocs, see
//    build.rs) into the main module, one module per split group
//    (`reading`, `editing`, `bring_in`), the chunks they share, and
//    __wasm_split.js, the loader the main module imports.
// 2. wasm-bindgen makes the main module's glue, as trunk would, keeping the
//    linker's exports the chunks call; wasm-opt -Oz then shrinks every module.
// 3. The glue and the loader are minified (terser); every file gets a name
//    with a hash of its contents; the loader and the
//    glue are told each other's names, and trunk's files and their preload
//    links in index.html are replaced by these (with integrity hashes).
//
// A build without split points (the `split` feature off) is refused: trunk's
// own wasm-opt is off for the app, so it would ship unoptimised.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PLACEHOLDER = '__wasm_split_placeholder__';
const LINK = './__wasm_split.js';
// The wasm features rustc 1.95 emits for wasm32-unknown-unknown.
const FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

const hex = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
// A tool's own chatter (wasm-opt warns of name sections it does not know) is
// shown only when it fails.
const run = (tool, args) => {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    throw new Error(`${tool} failed: ${e.stderr?.toString() || e.message}`);
  }
};

// The glue and the loader as served: comments and spacing gone and local
// names shortened by terser. Exports, the wasm's import names (object keys)
// and every string are kept, so the glue binds the very same wasm.
const TERSER = ['--module', '--compress', '--mangle', '--comments', 'false'];
const minify = (text) => {
  try {
    return execFileSync('terser', TERSER, {
      input: text,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (e) {
    throw new Error(`terser failed: ${e.stderr?.toString() || e.message}`);
  }
};

/**
 * Splits the app's wasm in `staging` and returns index.html's text updated
 * to the new files.
 */
export function split({ staging, source, html, bin = 'scrutineer' }) {
  const found = html.match(new RegExp(`\\./(${bin}-[0-9a-f]+)\\.js`));
  if (!found) throw new Error(`index.html names no ${bin}-<hash>.js (trunk's glue).`);
  const trunkStem = found[1];
  const trunkJs = readFileSync(join(staging, `${trunkStem}.js`), 'utf8');
  if (!trunkJs.includes(PLACEHOLDER)) {
    throw new Error('the app has no split points: index.html builds it with data-cargo-features="split" (and leaves wasm-opt to this script).');
  }

  const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
  const target = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
  const input = join(target, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);
  if (!existsSync(input)) throw new Error(`cargo's ${input} is missing.`);

  const work = mkdtempSync(join(tmpdir(), 'scrutineer-split-'));
  try {
    run('wasm-split-cli', [input, work, '--out-name', bin]);
    const bindgen = join(work, 'bindgen');
    run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-dir', bindgen, '--out-name', bin, join(work, `${bin}.wasm`),
    ]);
    const optimise = (path) => run('wasm-opt', ['-Oz', ...FEATURES, path, '-o', path]);

    // The chunks: optimised, then named by their contents. The loader
    // compiles a chunk as it downloads, which needs the host to send wasm as
    // application/wasm; wasm-bindgen's glue falls back to reading the whole
    // file first when a host does not, and so does the loader here.
    let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
    const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
    if (!loader.includes(streaming)) throw new Error(`__wasm_split.js no longer calls ${streaming}.`);
    loader =
      loader.replaceAll(streaming, 'instantiateChunk(src, imports)') +
      `
async function instantiateChunk(src, imports) {
    try {
        return await WebAssembly.instantiateStreaming(src.then((r) => r.clone()), imports);
    } catch (e) {
        const response = await src;
        if (response.headers.get('Content-Type') === 'application/wasm' || !response.ok) throw e;
        return WebAssembly.instantiate(await response.arrayBuffer(), imports);
    }
}
`;
    const chunks = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${bin}.wasm`);
    const names = {};
    for (const chunk of chunks) {
      const path = join(work, chunk);
      optimise(path);
      const bytes = readFileSync(path);
      const name = `${bin}-${chunk.replace(/\.wasm$/, '')}-${hex(bytes)}.wasm`;
      writeFileSync(join(staging, name), bytes);
      names[chunk] = name;
      // Fetched with an integrity check, like every file the page names.
      const reference = `new URL("./${chunk}", import.meta.url))`;
      if (!loader.includes(reference)) throw new Error(`__wasm_split.js never fetches ${chunk}.`);
      loader = loader.replaceAll(reference, `new URL("./${name}", import.meta.url), { integrity: "${sri(bytes)}" })`);
    }

    // The main module and its glue.
    const wasmPath = join(bindgen, `${bin}_bg.wasm`);
    optimise(wasmPath);
    const wasm = readFileSync(wasmPath);
    let glue = readFileSync(join(bindgen, `${bin}.js`), 'utf8');
    // Only the module specifiers (`from "./__wasm_split.js"`) are renamed: the
    // imports object keeps the name the wasm's import section uses.
    const specifier = new RegExp(`(from\\s*)(["'])${LINK.replace(/[.]/g, '\\.')}\\2`, 'g');
    if (!specifier.test(glue)) throw new Error(`wasm-bindgen's glue does not import ${LINK}.`);
    // The glue's name covers the wasm and every chunk's name (each a hash of
    // its bytes) too: the glue is rewritten to name the loader, which names the
    // chunks, so a change to a chunk alone is still a new glue name.
    // terser's version and options too: the glue is minified after it is named.
    const terser = execFileSync('terser', ['--version'], { encoding: 'utf8' }).trim();
    const stem = `${bin}-${createHash('sha256')
      .update(`${terser} ${TERSER.join(' ')}\n`)
      .update(glue)
      .update(wasm)
      .update(Object.values(names).sort().join('\n'))
      .digest('hex')
      .slice(0, 16)}`;
    const mainReference = `"./${bin}.js"`;
    if (!loader.includes(mainReference)) throw new Error(`__wasm_split.js does not import ${mainReference}.`);
    loader = loader.replaceAll(mainReference, `"./${stem}.js"`);
    loader = minify(loader);
    const loaderName = `${bin}-split-${hex(loader)}.js`;
    glue = minify(glue.replace(specifier, `$1$2./${loaderName}$2`));

    writeFileSync(join(staging, loaderName), loader);
    writeFileSync(join(staging, `${stem}.js`), glue);
    writeFileSync(join(staging, `${stem}_bg.wasm`), wasm);
    unlinkSync(join(staging, `${trunkStem}.js`));
    unlinkSync(join(staging, `${trunkStem}_bg.wasm`));

    // index.html: trunk's preloads of its files become preloads of these.
    const preloadJs = new RegExp(`<link rel="modulepreload" href="\\./${trunkStem}\\.js"[^>]*>`);
    const preloadWasm = new RegExp(`<link rel="preload" href="\\./${trunkStem}_bg\\.wasm"[^>]*>`);
    if (!preloadJs.test(html) || !preloadWasm.test(html)) {
      throw new Error(`index.html lacks trunk's preload links of ${trunkStem}.`);
    }
    const module = (name, text) =>
      `<link rel="modulepreload" href="./${name}" crossorigin="anonymous" integrity="${sri(text)}">`;
    html = html
      .replace(preloadJs, module(`${stem}.js`, glue) + module(loaderName, loader))
      .replace(
        preloadWasm,
        `<link rel="preload" href="./${stem}_bg.wasm" crossorigin="anonymous" integrity="${sri(wasm)}" as="fetch" type="application/wasm">`,
      )
      .replaceAll(`./${trunkStem}_bg.wasm`, `./${stem}_bg.wasm`)
      .replaceAll(`./${trunkStem}.js`, `./${stem}.js`);
    if (html.includes(trunkStem)) throw new Error(`index.html still names ${trunkStem}.`);
    return { html, chunks: Object.values(names), loader: loaderName, main: stem };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
