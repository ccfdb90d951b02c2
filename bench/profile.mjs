// Where the time goes: a CPU profile (Chromium's sampling profiler, through
// CDP) of one thing a person does, with the app's own functions named.
//
//   node bench/profile.mjs load     [--throttle 4] [--top 40]   the first load, demo data
//   node bench/profile.mjs import   [--throttle 4] [--top 40]   the large file chosen, to its preview
//   node bench/profile.mjs open     [--throttle 4] [--top 40]   ... and "Open this file", to stored
//   node bench/profile.mjs period   [--throttle 4] [--top 40]   the large file open, the reporting period changed
//   node bench/profile.mjs tables   [--throttle 4] [--top 40]   the large file open, #/help to the 1,000-row #/indicators
//   ... [--callers TEXT]   and where the self time of the functions named with TEXT is spent from
//
// Run after `scripts/bench` (or `scripts/build` and the synthetic example):
// it needs dist/ and the large snapshot. The shipped wasm has no names, so
// this makes a copy that keeps them: cargo's wasm cut and bound exactly as
// scripts/split.mjs does, and wasm-opt -Oz with -g. It checks that the copy's
// code is byte for byte the shipped main module's, so the names are the
// shipped functions'. Prints self time per function, heaviest first:
// "(program)" is V8's and Blink's own work (compiling wasm, style, layout),
// "(garbage collector)" the JavaScript heap's.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { executablePath, args as chromiumArgs } from '../tests/chromium.mjs';

const args = process.argv.slice(2);
const what = args[0] ?? 'load';
const option = (name, fallback) => {
  if (!args.includes(name)) return fallback;
  const n = Number(args[args.indexOf(name) + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} takes a whole number of 1 or more.`);
    process.exit(2);
  }
  return n;
};
const THROTTLE = option('--throttle', 1);
const TOP = option('--top', 40);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const LARGE = join(ROOT, 'target/bench/large-snapshot.json');
const CARGO_WASM = join(ROOT, 'target/wasm32-unknown-unknown/release/scrutineer.wasm');
if (!['load', 'import', 'open', 'period', 'tables'].includes(what)) {
  console.error('Profile what? load, import, open, period or tables.');
  process.exit(2);
}
for (const [path, how] of [[join(DIST, 'index.html'), 'scripts/build'], [CARGO_WASM, 'scripts/build'], [LARGE, 'scripts/bench']]) {
  if (!existsSync(path)) {
    console.error(`Missing ${path}: run ${how} first.`);
    process.exit(1);
  }
}

/** Reads `bytes` from `at` on: bytes, unsigned LEB128 numbers, UTF-8 text. */
function cursor(bytes, at = 0) {
  const c = {
    at,
    done: () => c.at >= bytes.length,
    byte: () => bytes[c.at++],
    leb: () => {
      let result = 0, shift = 0, byte;
      do {
        byte = bytes[c.at++];
        result += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return result;
    },
    take: (n) => bytes.subarray(c.at, (c.at += n)),
    text: (n) => Buffer.from(c.take(n)).toString('utf8'),
  };
  return c;
}

/** A wasm module's sections: id -> [bytes of each section of that id]. */
function sections(bytes) {
  const out = new Map();
  const c = cursor(bytes, 8);
  while (!c.done()) {
    const id = c.byte();
    const body = c.take(c.leb());
    if (!out.has(id)) out.set(id, []);
    out.get(id).push(body);
  }
  return out;
}

/** The "name" section's function names: index -> mangled name. */
function functionNames(bytes) {
  const names = new Map();
  for (const custom of sections(bytes).get(0) ?? []) {
    const c = cursor(custom);
    if (c.text(c.leb()) !== 'name') continue;
    while (!c.done()) {
      const sub = c.byte();
      const body = cursor(c.take(c.leb()));
      if (sub !== 1) continue;
      for (let count = body.leb(); count > 0; count--) {
        const index = body.leb();
        names.set(index, body.text(body.leb()));
      }
    }
  }
  return names;
}

/** Rust's legacy mangling, read back far enough to name a function. */
function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    let n = 0;
    while (name[i] >= '0' && name[i] <= '9') n = n * 10 + Number(name[i++]);
    if (!n) break;
    parts.push(name.slice(i, i + n));
    i += n;
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&')
    .replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$u5b\$/g, '[')
    .replace(/\$u5d\$/g, ']').replace(/\.\./g, '::');
}

/** The shipped main module's file and its functions, named from a copy
 * built with -g. The chunks loaded on demand number their functions each
 * their own way: their frames are shown by file and number, unnamed. */
function shippedNames() {
  const work = mkdtempSync(join(tmpdir(), 'scrutineer-profile-'));
  try {
    const split = readFileSync(join(ROOT, 'scripts/split.mjs'), 'utf8');
    const features = [...split.matchAll(/'(--enable-[a-z-]+)'/g)].map((m) => m[1]);
    const run = (cmd, argv) => execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
    run('wasm-split-cli', [CARGO_WASM, work, '--out-name', 'scrutineer']);
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--keep-debug', '--no-demangle', '--no-typescript',
      '--out-dir', join(work, 'bindgen'), '--out-name', 'scrutineer', join(work, 'scrutineer.wasm')]);
    const named = join(work, 'named.wasm');
    run('wasm-opt', ['-Oz', '-g', ...features, join(work, 'bindgen', 'scrutineer_bg.wasm'), '-o', named]);
    const bytes = readFileSync(named);
    const main = readdirSync(DIST).find((f) => /^scrutineer-[0-9a-f]+_bg\.wasm$/.test(f));
    const code = (b) => Buffer.concat(sections(b).get(10) ?? []);
    if (!main || !code(bytes).equals(code(readFileSync(join(DIST, main))))) {
      console.error('The named copy\'s code differs from dist/\'s main module: rebuild (scripts/build), then profile again.');
      process.exit(1);
    }
    return { main, names: functionNames(bytes) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const { main, names } = shippedNames();
const server = await serve(DIST);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

const chooseLarge = async () => {
  await page.getByTestId('file-input').setInputFiles({ name: 'large-snapshot.json', mimeType: 'application/json', buffer: readFileSync(LARGE) });
  await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
};
const settle = () => page.waitForTimeout(1500);
const opened = () => page.getByRole('status').filter({ hasText: 'Opened' }).first().waitFor({ timeout: 120_000 });
if (what === 'load') {
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}#/indicators`);
  await page.locator('main h1').waitFor();
  await settle();
} else {
  await page.goto(`${server.url}#/data`);
  await page.locator('main h1').waitFor();
  // As bench/run.mjs does: the app's rehearsal of its reader ends first.
  await page.waitForFunction(() => performance.getEntriesByName('scrutineer:reader-rehearsed', 'mark').length > 0, null, { timeout: 30_000 });
  await settle();
  if (what === 'period' || what === 'tables') {
    await chooseLarge();
    await page.getByTestId('confirm-import').click();
    await opened();
    await page.goto(`${server.url}#/${what === 'tables' ? 'help' : 'indicators'}`);
    await page.locator(what === 'tables' ? 'main h1' : 'main table').first().waitFor();
    await settle();
  }
  // The file's bytes reach the page before the profile starts where they
  // can: handing 5.8 MB over is Playwright's work, not the app's.
  await cdp.send('Profiler.start');
  if (what === 'period') {
    await page.getByTestId('period-picker').selectOption({ index: 1 });
  } else if (what === 'tables') {
    await page.evaluate(() => (location.hash = '#/indicators'));
    await page.locator('main table').first().waitFor();
  } else {
    await chooseLarge();
    if (what === 'open') {
      await page.getByTestId('confirm-import').click();
      await opened();
    }
  }
  await settle();
}
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
await server.close?.();

const selfTime = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
const nameOf = (node) => {
  const frame = node.callFrame;
  const wasm = frame.functionName.match(/^\$?(?:wasm-function\[(\d+)\]|func(\d+))$/);
  const index = wasm && Number(wasm[1] ?? wasm[2]);
  const file = frame.url.split('/').pop();
  return !wasm
    ? frame.functionName || `(anonymous ${file || 'script'})`
    : file === main && names.has(index)
      ? demangle(names.get(index))
      : `${file} ${frame.functionName}`;
};
// --callers TEXT: for functions whose name holds TEXT, their self time by
// the chain of callers above them (three deep).
const callersOf = args.includes('--callers') ? args[args.indexOf('--callers') + 1] : null;
const callers = new Map();
let busy = 0;
profile.samples.forEach((id, i) => {
  const name = nameOf(byId.get(id));
  // A sample stands for the time until the next one, as DevTools counts it.
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  if (name !== '(idle)') busy += ms;
  selfTime.set(name, (selfTime.get(name) ?? 0) + ms);
  if (callersOf && name.includes(callersOf)) {
    const chain = [];
    for (let at = parentOf.get(id); at !== undefined && chain.length < 3; at = parentOf.get(at)) chain.push(nameOf(byId.get(at)).slice(0, 90));
    const key = chain.join(' < ');
    callers.set(key, (callers.get(key) ?? 0) + ms);
  }
});
if (callersOf) {
  console.log(`Self time of functions named with "${callersOf}", by their callers:`);
  for (const [chain, ms] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${chain}`);
}
console.log(`Profile of ${what}${THROTTLE > 1 ? ` (CPU slowed ${THROTTLE}x)` : ''}: ${busy.toFixed(0)} ms busy, self time by function:`);
for (const [name, ms] of [...selfTime].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`${ms.toFixed(1).padStart(9)} ms  ${(100 * ms / busy).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
}
process.exit(0);
