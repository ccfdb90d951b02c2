// Prints the raw, gzip and brotli size of every file in dist/, the total, the
// first load (index.html and what it references) and the workbook reader (the
// second wasm, a Web Worker loaded only when a workbook is opened).
// Reports; never fails on size.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, normalize } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budgetKb = 250;
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No ${dist}/index.html: build first (scripts/build).`);
  process.exit(1);
}

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
})(dist);

const measure = (path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = files.map(measure).sort((a, b) => b.raw - a.raw);

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = new Set(['index.html']);
for (const match of html.matchAll(/(?:href|src)="([^"#?]+)"/g)) {
  const target = normalize(match[1]).replace(/^\.\//, '');
  if (existsSync(join(dist, target))) referenced.add(target);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const line = (r) => `${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}  ${r.file}`;
const sum = (list, name) => list.reduce(
  (acc, r) => ({ file: name, raw: acc.raw + r.raw, gzip: acc.gzip + r.gzip, brotli: acc.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);

console.log(`Sizes of ${dist}/ in KB (1 KB = 1024 bytes)`);
console.log(`${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}  file`);
rows.forEach((r) => console.log(line(r)));
console.log('-'.repeat(50));
const all = sum(rows, `total, all ${rows.length} files`);
const first = sum(rows.filter((r) => referenced.has(r.file)), `first load (${[...referenced].sort().join(', ')})`);
const reader = sum(rows.filter((r) => /^workbook-/.test(r.file)), 'workbook reader, loaded when a workbook is opened');
console.log(line(all));
console.log(line(first));
console.log(line(reader));
const verdict = first.gzip / 1024 <= budgetKb ? 'within' : 'OVER';
console.log(`First load: ${(first.gzip / 1024).toFixed(1)} KB gzip, ${(first.brotli / 1024).toFixed(1)} KB brotli: ${verdict} the ${budgetKb} KB compressed budget.`);
