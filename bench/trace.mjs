// Where the browser's own time goes: a Chromium trace (through CDP) of one
// thing a person does, with the large snapshot open, summed by Blink's and
// V8's event names (ParseHTML, UpdateLayoutTree for style, Layout, Paint,
// FunctionCall for script and wasm, the garbage collector's).
//
//   node bench/trace.mjs period [--runs 3] [--tasks] [--detail] [--layouts]
//   node bench/trace.mjs tables   #/help to the 1,000-row #/indicators
//   node bench/trace.mjs open     "Open this file" to "Opened" (storage emptied first)
//
//   --tasks    every main-thread task over 1 ms, in order (waits between them
//              are the browser's storage, not the main thread)
//   --detail   what the longest task did, in order
//   --layouts  each style, layout, paint and HTML parse of 0.5 ms or more,
//              with how many layout objects it touched
//
// Run after `scripts/bench` (it needs dist/ and the large snapshot). A
// trace's figures are larger than the bench's, which has no tracing on.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { executablePath, args as chromiumArgs } from '../tests/chromium.mjs';

const args = process.argv.slice(2);
const what = args[0];
const runsAt = args.indexOf('--runs');
const RUNS = runsAt < 0 ? 3 : Number(args[runsAt + 1]);
if (!['period', 'tables', 'open'].includes(what) || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('Trace what? period, tables or open; --runs takes a whole number of 1 or more.');
  process.exit(2);
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LARGE = join(ROOT, 'target/bench/large-snapshot.json');
for (const [path, how] of [[join(ROOT, 'dist/index.html'), 'scripts/build'], [LARGE, 'scripts/bench']]) {
  if (!existsSync(path)) {
    console.error(`Missing ${path}: run ${how} first.`);
    process.exit(1);
  }
}

const server = await serve(join(ROOT, 'dist'));
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
// As bench/run.mjs does: the app's rehearsal of its reader ends first.
const rehearsed = () =>
  page.waitForFunction(() => performance.getEntriesByName('scrutineer:reader-rehearsed', 'mark').length > 0, null, { timeout: 30_000 });
const choose = async () => {
  await page.getByTestId('file-input').setInputFiles({ name: 'large-snapshot.json', mimeType: 'application/json', buffer: readFileSync(LARGE) });
  await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
};
const opened = () => page.getByRole('status').filter({ hasText: 'Opened' }).first().waitFor({ timeout: 120_000 });
await page.goto(`${server.url}#/data`);
await page.locator('main h1').waitFor();
await rehearsed();
await choose();
await page.getByTestId('confirm-import').click();
await opened();
await page.goto(`${server.url}#/indicators`);
await page.locator('main table').first().waitFor();
await page.waitForTimeout(1000);

const ms = (us) => (us / 1000).toFixed(1);
const totals = new Map();
for (let run = 0; run < RUNS; run++) {
  if (what === 'open') {
    // A first open over the demo, as the bench's import: storage emptied,
    // the revision other tabs are told of included (else the save is refused
    // as over newer data).
    await page.goto(`${server.url}#/data`);
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          localStorage.clear();
          const gone = indexedDB.deleteDatabase('scrutineer');
          gone.onsuccess = gone.onerror = gone.onblocked = resolve;
        }),
    );
    await page.reload();
    await page.locator('main h1').waitFor();
    await rehearsed();
    await choose();
  } else if (what === 'tables') {
    await page.evaluate(() => (location.hash = '#/help'));
    await page.locator('main h1').filter({ hasText: 'Help' }).waitFor();
  }
  await page.waitForTimeout(800);
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  if (what === 'open') {
    await page.getByTestId('confirm-import').click();
    await opened();
  } else if (what === 'period') {
    await page.getByTestId('period-picker').selectOption({ index: 1 + (run % 2) });
  } else {
    await page.evaluate(() => (location.hash = '#/indicators'));
    await page.locator('main table').first().waitFor();
  }
  await page.waitForTimeout(1000);
  await cdp.send('Tracing.end');
  await complete;
  if (what === 'open') {
    // Stored, not refused: the large pack is the record in IndexedDB.
    const stored = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('scrutineer');
          open.onerror = () => resolve(0);
          open.onsuccess = () => {
            const get = open.result.transaction('records').objectStore('records').get('scrutineer.snapshot');
            get.onerror = () => resolve(0);
            get.onsuccess = () => resolve(typeof get.result === 'string' ? get.result.length : 0);
          };
        }),
    );
    if (stored < 1_000_000) throw new Error(`the opened file was not stored (${stored} characters held)`);
  }
  cdp.off('Tracing.dataCollected', collect);
  const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur);
  // Self time: an event's duration less its children's on the same thread.
  mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    e.self = e.dur;
    if (stack.length) stack[stack.length - 1].self -= e.dur;
    stack.push(e);
  }
  const tasks = mine.filter((e) => e.name === 'RunTask');
  if (!tasks.length) throw new Error('the trace holds no main-thread task');
  const busy = tasks.reduce((s, e) => s + e.dur, 0);
  const longest = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
  console.log(`run ${run + 1}: ${ms(busy)} ms in tasks, the longest ${ms(longest.dur)} ms`);
  const first = tasks[0].ts;
  if (args.includes('--tasks')) {
    for (const t of tasks.filter((t) => t.dur > 1000)) console.log(`  task at ${ms(t.ts - first).padStart(7)} ms: ${ms(t.dur).padStart(6)} ms`);
  }
  if (args.includes('--detail')) {
    const inside = mine.filter((e) => e !== longest && e.ts >= longest.ts && e.ts + e.dur <= longest.ts + longest.dur && e.dur >= 300);
    for (const e of inside) console.log(`  +${ms(e.ts - longest.ts).padStart(6)} ms: ${ms(e.dur).padStart(6)} ms (self ${ms(e.self)}) ${e.name}`);
  }
  if (args.includes('--layouts')) {
    const kinds = ['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'ParseHTML'];
    for (const e of mine.filter((e) => kinds.includes(e.name) && e.dur >= 500)) {
      const data = e.args?.beginData ?? {};
      const objects = 'dirtyObjects' in data ? `, ${data.dirtyObjects} of ${data.totalObjects} layout objects` : '';
      console.log(`  at ${ms(e.ts - first).padStart(7)} ms: ${e.name} ${ms(e.dur)} ms${objects}`);
    }
  }
  for (const e of mine) totals.set(e.name, (totals.get(e.name) ?? 0) + e.self / 1000 / RUNS);
}
console.log(`${what}: self time on the main thread by event, mean of ${RUNS} (RunTask's own is work no event names)`);
for (const [name, t] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${t.toFixed(1).padStart(8)} ms  ${name}`);
await browser.close();
await server.close?.();
process.exit(0);
