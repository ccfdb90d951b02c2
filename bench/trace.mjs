// Where the browser's own time goes: a Chromium trace (through CDP) of one
// thing a person does, summed by Blink's and V8's event names (HTML parsing,
// style, layout, paint, script, garbage collection).
//
//   node bench/trace.mjs period|tables [--runs 3]
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { executablePath, args as chromiumArgs } from '../tests/chromium.mjs';

const args = process.argv.slice(2);
const what = args[0] ?? 'period';
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LARGE = join(ROOT, 'target/bench/large-snapshot.json');

const server = await serve(join(ROOT, 'dist'));
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${server.url}#/data`);
await page.locator('main h1').waitFor();
await page.waitForFunction(() => performance.getEntriesByName('scrutineer:reader-rehearsed', 'mark').length > 0, null, { timeout: 30_000 });
const choose = async () => {
  await page.getByTestId('file-input').setInputFiles({ name: 'large-snapshot.json', mimeType: 'application/json', buffer: readFileSync(LARGE) });
  await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
};
await choose();
await page.getByTestId('confirm-import').click();
await page.getByRole('status').filter({ hasText: 'Opened' }).first().waitFor({ timeout: 120_000 });
await page.goto(`${server.url}#/indicators`);
await page.locator('main table').first().waitFor();
await page.waitForTimeout(1000);

const totals = new Map();
for (let run = 0; run < RUNS; run++) {
  if (what === 'open') {
    await page.goto(`${server.url}#/data`);
    await page.evaluate(() => new Promise((r) => { const d = indexedDB.deleteDatabase('scrutineer'); d.onsuccess = d.onerror = d.onblocked = r; }));
    await page.reload();
    await page.locator('main h1').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('scrutineer:reader-rehearsed', 'mark').length > 0, null, { timeout: 30_000 });
    await choose();
    await page.waitForTimeout(800);
  }
  if (what === 'tables') {
    await page.evaluate(() => (location.hash = '#/help'));
    await page.locator('main h1', { hasText: 'Help' }).first().waitFor().catch(() => {});
    await page.waitForTimeout(800);
  }
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing', transferMode: 'ReportEvents' });
  if (what === 'open') {
    await page.getByTestId('confirm-import').click();
    await page.getByRole('status').filter({ hasText: 'Opened' }).first().waitFor({ timeout: 120_000 });
  } else if (what === 'period') await page.getByTestId('period-picker').selectOption({ index: 1 + (run % 2) });
  else {
    await page.evaluate(() => (location.hash = '#/indicators'));
    await page.locator('main table').first().waitFor();
  }
  await page.waitForTimeout(1000);
  await cdp.send('Tracing.end');
  await done;
  cdp.removeAllListeners('Tracing.dataCollected');
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  // Self time: an event's duration less its children's on the same thread.
  mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    e.self = e.dur;
    if (stack.length) stack[stack.length - 1].self -= e.dur;
    stack.push(e);
  }
  const top = mine.filter((e) => e.name === 'RunTask');
  const busy = top.reduce((s, e) => s + e.dur, 0) / 1000;
  const longest = Math.max(0, ...top.map((e) => e.dur)) / 1000;
  console.log(`run ${run + 1}: ${busy.toFixed(1)} ms in tasks, the longest ${longest.toFixed(1)} ms`);
  if (args.includes('--tasks')) {
    for (const t of top.filter((t) => t.dur > 1000)) console.log(`  task @${((t.ts - top[0].ts) / 1000).toFixed(1).padStart(7)} ${(t.dur / 1000).toFixed(1).padStart(6)} ms`);
  }
  if (args.includes('--detail')) {
    const task = top.reduce((a, b) => (b.dur > a.dur ? b : a));
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur >= 300);
    for (const e of inside) console.log(`  +${((e.ts - task.ts) / 1000).toFixed(1).padStart(6)} ${(e.dur / 1000).toFixed(1).padStart(6)} ms (self ${(e.self / 1000).toFixed(1)}) ${e.name} ${e.args?.data?.functionName ?? e.args?.data?.url ?? ''}`);
  }
  if (args.includes('--layouts')) {
    for (const e of mine.filter((e) => ['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'ParseHTML'].includes(e.name) && e.dur > 500)) {
      const end = events.find((x) => x.ph === 'E' && x.name === e.name && x.ts >= e.ts + e.dur - 1 && x.tid === e.tid);
      console.log(`  ${e.name} @${((e.ts - top[0].ts) / 1000).toFixed(1)} ${(e.dur / 1000).toFixed(1)} ms ${JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0, 200)} ${JSON.stringify(e.args?.endData ?? {}).slice(0, 200)}`);
    }
  }
  for (const e of mine) totals.set(e.name, (totals.get(e.name) ?? 0) + e.self / 1000 / RUNS);
}
console.log(`${what}: self time by event, mean of ${RUNS}`);
for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
await browser.close();
process.exit(0);
