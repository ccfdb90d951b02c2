// Scrutineer's benchmarks: loads the built app (dist/) in headless Chromium,
// measures what the budgets name, prints every figure with its budget,
// and adds the run to bench/RESULTS.md. Run it through `scripts/bench`, which
// builds the app and writes the large synthetic snapshot first.
//
//   node bench/run.mjs [--runs N] [--lighthouse-runs N] [--only a,b] [--file PATH] [--no-save]
//
// How time is read: a MutationObserver (installed before the app starts)
// forces layout at every DOM change and notes the time, so "done" is the last
// DOM change, laid out, once the page has been quiet for QUIET ms. "Start" is
// the moment the triggering event reaches the page (a capture listener), so
// Playwright's own round trips are not counted.
import { chromium, expect } from '@playwright/test';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { executablePath, args as chromiumArgs } from '../tests/chromium.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const RUNS = option('--runs', 5);
const LIGHTHOUSE_RUNS = option('--lighthouse-runs', 3);
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const wanted = (part) => !ONLY || ONLY.includes(part);
// A partial run is for trying a change; only a whole run is kept.
const SAVE = !args.includes('--no-save') && !ONLY;
const QUIET = 120;
const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
// --file PATH measures another pack (the limits: the generator scaled up).
const LARGE = args.includes('--file') ? args[args.indexOf('--file') + 1] : join(ROOT, 'target/bench/large-snapshot.json');
const CHROMIUM = executablePath;
const FLAGS = chromiumArgs;

for (const [path, how] of [[join(DIST, 'index.html'), 'scripts/build'], [LARGE, 'scripts/bench']]) {
  if (!existsSync(path)) {
    console.error(`Missing ${path}: run ${how} first.`);
    process.exit(1);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

/** Installed before any page script: the clock every measure reads. */
function instrument() {
  const bench = (window.__bench = { last: 0, start: null, armed: null, firstRender: null, interactive: null, wasm: null, tasks: [] });
  // Main-thread tasks of 50 ms or more (Chromium's Long Tasks API).
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) bench.tasks.push({ start: t.startTime, end: t.startTime + t.duration });
  }).observe({ type: 'longtask', buffered: true });
  // trunk's start-up script announces the instance: its memory is the Rust heap.
  addEventListener('TrunkApplicationStarted', (e) => (bench.wasm = e.detail.wasm));
  const observer = new MutationObserver(() => {
    void document.body?.offsetHeight; // lay out now, so layout is inside the figure
    bench.last = performance.now();
    if (bench.firstRender === null && document.querySelector('main h1')) {
      bench.firstRender = bench.last;
      // The main thread is free for a click as soon as the next task runs.
      setTimeout(() => (bench.interactive = performance.now()), 0);
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  for (const type of ['change', 'input', 'submit', 'keydown', 'click']) {
    window.addEventListener(
      type,
      () => {
        if (bench.armed === type) {
          bench.start = performance.now();
          bench.armed = null;
        }
      },
      true,
    );
  }
}

/** Milliseconds from the armed event to the last DOM change after `act`. */
async function timed(page, eventType, act) {
  await settle(page);
  await page.evaluate((type) => {
    window.__bench.start = null;
    window.__bench.armed = type;
  }, eventType);
  await act();
  const end = await settle(page);
  const start = await page.evaluate(() => window.__bench.start);
  if (start === null) throw new Error(`no ${eventType} event reached the page`);
  if (end < start) throw new Error(`nothing on the page changed after the ${eventType}`);
  return end - start;
}

/** Waits until the DOM has not changed for QUIET ms; returns the last change's time. */
async function settle(page) {
  return page.evaluate(
    (quiet) =>
      new Promise((resolve) => {
        const check = () => {
          const now = performance.now();
          if (now - window.__bench.last >= quiet) resolve(window.__bench.last);
          else setTimeout(check, quiet / 4);
        };
        setTimeout(check, quiet / 4);
      }),
    QUIET,
  );
}

/** Milliseconds from setting the address to `hash` to the last DOM change. */
async function navigate(page, hash) {
  await settle(page);
  await page.evaluate((h) => {
    window.__bench.start = performance.now();
    location.hash = h;
  }, hash);
  const end = await settle(page);
  return end - (await page.evaluate(() => window.__bench.start));
}

async function newPage(browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors };
}

/** 1. Cold load: a new profile each run (no cache, no storage), the demo data. */
async function coldLoad(browser, url) {
  const renders = [];
  const interactives = [];
  let assets = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    await page.goto(`${url}#/indicators`);
    await page.locator('main h1').waitFor();
    await page.waitForFunction(() => window.__bench.interactive !== null);
    const { firstRender, interactive, resources } = await page.evaluate(() => ({
      ...window.__bench,
      resources: [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ].map((r) => ({ name: r.name, transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize })),
    }));
    renders.push(firstRender);
    interactives.push(interactive);
    assets = resources;
    await context.close();
  }
  const total = assets.reduce((sum, a) => sum + a.encoded, 0);
  return { firstRender: median(renders), interactive: median(interactives), assets, total };
}

/**
 * Waits for the app's rehearsal of its reader (idle tasks on the Data page)
 * to end; gives its tasks' total time and the longest.
 */
async function rehearsed(page) {
  await page.waitForFunction(() => performance.getEntriesByName('scrutineer:reader-rehearsed', 'mark').length > 0, null, { timeout: 10_000 });
  const times = await page.evaluate(() =>
    performance.getEntriesByName('scrutineer:reader-rehearsal', 'measure').map((m) => m.duration),
  );
  if (times.length === 0) throw new Error('the app marked its rehearsal done but measured no task of it.');
  return { total: times.reduce((a, b) => a + b, 0), longest: Math.max(...times), tasks: times.length };
}

/** 2. Import of the large snapshot, and JSON.parse of the same bytes. */
async function largeImport(browser, url) {
  const text = readFileSync(LARGE, 'utf8');
  const checks = [];
  const opens = [];
  const renders = [];
  const parses = [];
  const seconds = [];
  const checkTasks = [];
  const saveTasks = [];
  const rehearsals = [];
  let rows = 0;
  let stored = null;
  for (let i = 0; i < RUNS; i++) {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${url}#/data`);
    await page.locator('main h1').waitFor();
    // A person takes a moment to choose a file; in it, once the page is
    // idle, the app rehearses its reader on the demo (src/rehearsal.rs).
    rehearsals.push(await rehearsed(page));
    checks.push(
      await timed(page, 'change', () =>
        page.getByTestId('file-input').setInputFiles({ name: 'large-snapshot.json', mimeType: 'application/json', buffer: Buffer.from(text) }),
      ),
    );
    await page.getByTestId('import-preview').waitFor();
    const checked = await page.evaluate(() => [window.__bench.start, window.__bench.last]);
    opens.push(await timed(page, 'click', () => page.getByTestId('confirm-import').click()));
    const saved = await page.evaluate(() => [window.__bench.start, window.__bench.last]);
    checkTasks.push(await longestTask(page, checked));
    saveTasks.push(await longestTask(page, saved));
    renders.push(await navigate(page, '#/indicators'));
    rows = await page.locator('main table tbody tr').count();
    // The same file again in the same page: the wasm is compiled by then
    // beyond Chromium's baseline tier.
    await navigate(page, '#/data');
    seconds.push(
      await timed(page, 'change', () =>
        page.getByTestId('file-input').setInputFiles({ name: 'large-snapshot-again.json', mimeType: 'application/json', buffer: Buffer.from(text) }),
      ),
    );
    await page.getByTestId('import-preview').waitFor();
    // The stored snapshot's length: the records are in IndexedDB.
    stored = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('scrutineer');
          open.onerror = () => resolve(0);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('records')) return resolve(0);
            const get = db.transaction('records').objectStore('records').get('scrutineer.snapshot');
            get.onerror = () => resolve(0);
            get.onsuccess = () => {
              db.close();
              resolve(typeof get.result === 'string' ? get.result.length : 0);
            };
          };
        }),
    );
    parses.push(
      await page.evaluate((t) => {
        const times = [];
        for (let j = 0; j < 5; j++) {
          const start = performance.now();
          JSON.parse(t);
          times.push(performance.now() - start);
        }
        return times.sort((a, b) => a - b)[2];
      }, text),
    );
    if (errors.length) throw new Error(`import run logged errors: ${errors.join('; ')}`);
    await context.close();
  }
  return {
    bytes: Buffer.byteLength(text),
    check: median(checks),
    open: median(opens),
    render: median(renders),
    total: median(checks.map((c, i) => c + opens[i] + renders[i])),
    jsonParse: median(parses),
    second: median(seconds),
    checkTask: median(checkTasks),
    saveTask: median(saveTasks),
    rehearsal: median(rehearsals.map((r) => r.total)),
    rehearsalLongest: median(rehearsals.map((r) => r.longest)),
    rehearsalTasks: rehearsals[0].tasks,
    rows,
    stored,
  };
}

/**
 * The longest main-thread task (50 ms or more) that starts within [from, to],
 * or 0. A task begun before `from` is the harness's (handing the file to the
 * page), not the app's.
 */
async function longestTask(page, [from, to]) {
  return page.evaluate(
    ([a, b]) =>
      Math.max(0, ...window.__bench.tasks.filter((t) => t.start >= a - 1 && t.start <= b).map((t) => t.end - t.start)),
    [from, to],
  );
}

/** Opens a page holding the large snapshot (imported once through the Data page). */
async function pageWithLarge(browser, url) {
  const opened = await newPage(browser);
  const { page } = opened;
  await page.goto(`${url}#/data`);
  await page.locator('main h1').waitFor();
  await page.getByTestId('file-input').setInputFiles(LARGE);
  await page.getByTestId('confirm-import').click();
  await page.getByRole('status').filter({ hasText: 'Opened' }).first().waitFor();
  return opened;
}

/** 3. Period change and filter on the 1,000-indicator dashboard. */
async function dashboard(page) {
  await navigate(page, '#/indicators');
  const picker = page.getByTestId('period-picker');
  const periods = await picker.locator('option').evaluateAll((os) => os.map((o) => o.value));
  const changes = [];
  for (let i = 0; i < RUNS; i++) {
    const to = periods[(i % 2) + 1];
    changes.push(await timed(page, 'change', () => picker.selectOption(to)));
    // The counts' heading names the period they are for.
    await page.locator('main').getByText(`Are we achieving our targets? (${to})`).waitFor();
  }
  // The filters fold away under the counts until one is in use.
  const openFilters = async () => {
    if (!(await page.locator('details.filters-details').evaluate((d) => d.open))) {
      await page.getByTestId('filters-toggle').click();
    }
  };
  const filters = [];
  const area = page.locator('#filter-area');
  await openFilters();
  const areas = await area.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  for (let i = 0; i < RUNS; i++) {
    await openFilters();
    await area.selectOption(areas[i % areas.length]);
    filters.push(await timed(page, 'submit', () => page.getByRole('button', { name: 'Apply filters' }).click()));
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await settle(page);
  }
  // Two searches that match different numbers of indicators, in turn, so each
  // one changes the tables and the results line.
  const searches = [];
  const results = page.getByTestId('results-line');
  const seen = new Set();
  for (let i = 0; i < RUNS; i++) {
    const before = await results.textContent();
    await openFilters();
    await page.locator('#filter-text').fill(i % 2 ? 'indicator 000' : 'indicator 01');
    searches.push(await timed(page, 'submit', () => page.locator('#filter-text').press('Enter')));
    const after = await results.textContent();
    if (after === before) throw new Error(`the search did not change the results: ${after}`);
    seen.add(after.split('.')[0]);
  }
  return {
    periodChange: median(changes),
    areaFilter: median(filters),
    textFilter: median(searches),
    searchResults: [...seen].join(' / '),
    periods: periods.length,
  };
}

/** 4. Moving one risk on the 200-risk matrix: one arrow key, and a confirmed move. */
async function matrix(page) {
  await navigate(page, '#/risks');
  // No marker moves until "Edit positions" is on (remembered on the device).
  const switcher = page.getByTestId('edit-positions');
  if ((await switcher.getAttribute('aria-checked')) !== 'true') await switcher.click();
  await expect(switcher).toHaveAttribute('aria-checked', 'true');
  const grid = page.getByTestId('matrix-risks').locator('.matrix__grid');
  const markers = grid.locator('[data-entry]');
  const count = await page.getByTestId('matrix-risks').locator('[data-entry]').count();
  const steps = [];
  const marker = markers.first();
  for (let i = 0; i < RUNS; i++) {
    await marker.focus();
    steps.push(await timed(page, 'keydown', () => page.keyboard.press(i % 2 ? 'ArrowUp' : 'ArrowDown')));
    await page.keyboard.press('Escape');
  }
  const moves = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const target = markers.first();
    const id = await target.getAttribute('data-entry');
    const from = await target.evaluate((el) => el.closest('[data-cell]').dataset.cell);
    const [impact, likelihood] = from.split('-').map(Number);
    const to = `${impact < 5 ? impact + 1 : impact - 1}-${likelihood}`;
    const countAt = (at) => grid.locator(`[data-cell="${at}"] .matrix__count`);
    const before = Number((await countAt(to).count()) ? await countAt(to).textContent() : 0);
    await target.focus();
    await page.keyboard.press(impact < 5 ? 'ArrowUp' : 'ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Reason for the move').fill(`Benchmark move ${i + 1}`);
    moves.push(await timed(page, 'submit', () => page.getByLabel('Reason for the move').press('Enter')));
    await expect(countAt(to), `${id} moved to ${to}`).toHaveText(String(before + 1));
  }
  return { step: median(steps), move: median(moves), markers: count };
}

/** 5. The 1,000-row indicator tables, against a vanilla-DOM build of the same elements. */
async function tableRender(page) {
  const app = [];
  const vanilla = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    await navigate(page, '#/help');
    app.push(await navigate(page, '#/indicators'));
    rows = await page.locator('main table tbody tr').count();
    // The app's rendered tables, as plain data: tags, attributes and text.
    const tree = await page.evaluate(() => {
      const copy = (node) =>
        node.nodeType === Node.TEXT_NODE
          ? node.data
          : {
              tag: node.tagName.toLowerCase(),
              ns: node.namespaceURI,
              attrs: [...node.attributes].map((a) => [a.name, a.value]),
              children: [...node.childNodes].filter((c) => c.nodeType === 1 || c.nodeType === 3).map(copy),
            };
      return [...document.querySelectorAll('main section.area')]
        .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)))
        .map(copy);
    });
    await navigate(page, '#/help');
    vanilla.push(
      await page.evaluate((trees) => {
        const build = (n) => {
          if (typeof n === 'string') return document.createTextNode(n);
          const el = document.createElementNS(n.ns, n.tag);
          // A style set through the CSSOM, as the app sets it (the page's
          // policy refuses a style attribute).
          for (const [k, v] of n.attrs) k === 'style' ? (el.style.cssText = v) : el.setAttribute(k, v);
          for (const c of n.children) el.appendChild(build(c));
          return el;
        };
        const host = document.querySelector('main');
        const start = performance.now();
        const box = document.createElement('div');
        for (const t of trees) box.appendChild(build(t));
        host.appendChild(box);
        void document.body.offsetHeight;
        const took = performance.now() - start;
        box.remove();
        return took;
      }, tree),
    );
  }
  return { app: median(app), vanilla: median(vanilla), rows };
}

/** Runs a program without blocking this process (it serves the app). */
function run(program, argv, env) {
  return new Promise((resolve) => {
    const child = spawn(program, argv, { env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** 6. Lighthouse, mobile (its default: a mid-range phone on a slow 4G link, simulated). */
/**
 * 7. Memory after 50 edits of the large snapshot: each edit (the pack's
 * details, saved through the Data page's form) is an undo step. Read after a
 * garbage collection: the wasm instance's linear memory (the Rust heap's high
 * water mark: it never shrinks) and the JavaScript heap in use.
 */
async function memory(browser, url) {
  const large = await pageWithLarge(browser, url);
  const { page } = large;
  const cdp = await page.context().newCDPSession(page);
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? null);
    if (wasm === null) throw new Error('the wasm instance was not announced (TrunkApplicationStarted)');
    return { wasm, js: usedSize };
  };
  await navigate(page, '#/data');
  const before = await used();
  const EDITS = 50;
  const started = performance.now();
  for (let i = 1; i <= EDITS; i += 1) {
    const name = `Edit ${i} County Council`;
    await page.getByLabel('Organisation', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save pack details' }).click();
    await page.getByTestId('organisation').filter({ hasText: name }).waitFor();
  }
  const perEdit = (performance.now() - started) / EDITS;
  const after = await used();
  // Figure edits change the indicator list itself, so each copies that list
  // (the register and complaints stay shared): the worst case.
  const FIGURES = 10;
  const box = page.locator('#enter-ind-0000');
  for (let i = 1; i <= FIGURES; i += 1) {
    // Saving goes on to the indicators; each edit starts at the form again.
    await navigate(page, '#/enter');
    await box.fill(String(100 + i));
    await page.getByRole('button', { name: 'Save figures' }).click();
    await page.locator('main h1').filter({ hasText: 'Performance indicators' }).waitFor({ timeout: 120_000 });
  }
  const afterFigures = await used();
  if (large.errors.length) throw new Error(`the memory page logged errors: ${large.errors.join('; ')}`);
  await large.context.close();
  return { edits: EDITS, before, after, perEdit, figures: FIGURES, afterFigures };
}

async function lighthouse(url) {
  const results = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const out = join(ROOT, 'target/bench', `lighthouse-${i}.json`);
    const argv = [
      url,
      '--only-categories=performance,accessibility',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      `--chrome-flags=--headless=new ${FLAGS.join(' ')}`,
    ];
    // Lighthouse now and then loses its tab as Chromium starts; one more try.
    let done;
    for (let attempt = 0; attempt < 2 && done?.status !== 0; attempt++) {
      done = await run(join(ROOT, 'node_modules/.bin/lighthouse'), argv, { ...process.env, CHROME_PATH: CHROMIUM });
    }
    if (done.status !== 0) throw new Error(`lighthouse failed: ${done.output}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const audit = (id) => report.audits[id]?.numericValue ?? NaN;
    results.push({
      performance: Math.round(report.categories.performance.score * 100),
      accessibility: Math.round(report.categories.accessibility.score * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      tti: audit('interactive'),
    });
  }
  const pick = (k) => median(results.map((r) => r[k]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    fcp: pick('fcp'),
    lcp: pick('lcp'),
    tbt: pick('tbt'),
    tti: pick('tti'),
    runs: results.map((r) => r.performance),
  };
}

const server = await serve(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
const version = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`Benchmarks: ${RUNS} runs each (median), ${version}, app served brotli-compressed from ${server.url}`);

const load = wanted('load') ? await coldLoad(browser, server.url) : null;
const imported = wanted('import') ? await largeImport(browser, server.url) : null;
let dash = null;
let moved = null;
let table = null;
if (wanted('dashboard') || wanted('matrix') || wanted('table')) {
  const large = await pageWithLarge(browser, server.url);
  if (wanted('dashboard')) dash = await dashboard(large.page);
  if (wanted('matrix')) moved = await matrix(large.page);
  if (wanted('table')) table = await tableRender(large.page);
  if (large.errors.length) throw new Error(`the large page logged errors: ${large.errors.join('; ')}`);
  await large.context.close();
}
const mem = wanted('memory') ? await memory(browser, server.url) : null;
await browser.close();
const lh = wanted('lighthouse') && LIGHTHOUSE_RUNS > 0 ? await lighthouse(`${server.url}#/indicators`) : null;
await server.close();

const rows = [];
const row = (measure, value, budget, ok) => rows.push({ measure, value, budget, verdict: ok === null ? '' : ok ? 'met' : 'MISSED' });
const name = (u) => new URL(u).pathname.split('/').pop() || 'index.html';
{
  // Every wasm module of the build, with what loads it.
  const { brotliCompressSync, constants } = await import('node:zlib');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const role = (f) =>
    html.includes(f) ? 'the app: first load'
      : f.startsWith('workbook') ? 'workbook reader (a worker, when a workbook is opened)'
      : /-split_/.test(f) ? `pages loaded on demand: ${f.replace(/^.*-split_([a-z_]+)-.*$/, '$1')}`
      : 'code shared by pages loaded on demand';
  for (const f of readdirSync(DIST).filter((f) => f.endsWith('.wasm')).sort((a, b) => role(a).localeCompare(role(b)))) {
    const bytes = readFileSync(join(DIST, f));
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    row(`8. wasm ${f} (${role(f)})`, `${kb(br)} (${kb(bytes.length)} raw)`, '', null);
  }
}
if (load) {
  for (const a of load.assets) row(`   ${name(a.name)}`, `${kb(a.encoded)} (${kb(a.decoded)} raw)`, '', null);
  row('1. Cold load: compressed, all assets', kb(load.total), '<= 250 KB', load.total <= 250 * 1024);
  row('1. Cold load: first render (demo, #/indicators)', ms(load.firstRender), '', null);
  row('1. Cold load: interactive', ms(load.interactive), '', null);
}
if (imported) {
  row(`2. Import ${(imported.bytes / 1e6).toFixed(1)} MB: file chosen to checked`, ms(imported.check), '', null);
  row('2. Import: "Open this file" to stored', ms(imported.open), '', null);
  row(`2. Import: first render of #/indicators (${imported.rows} rows)`, ms(imported.render), '', null);
  row('2. Import: total to first render', ms(imported.total), '<= 300 ms', imported.total <= 300);
  row('2. JSON.parse of the same bytes', ms(imported.jsonParse), '', null);
  row('2. Import: the same file again in the same page, chosen to checked', ms(imported.second), '', null);
  row(`2. The reader's rehearsal on the demo, before a file is chosen (${imported.rehearsalTasks} idle tasks on the Data page): in all / the longest`, `${ms(imported.rehearsal)} / ${ms(imported.rehearsalLongest)}`, '', null);
  const task = (t) => (t ? ms(t) : 'none of 50 ms or more');
  row('2. Longest main-thread task while the file is checked', task(imported.checkTask), '', null);
  row('2. Longest main-thread task while it is stored', task(imported.saveTask), '', null);
  const parseRatio = imported.check / imported.jsonParse;
  row('2. Checking the file against JSON.parse', `${parseRatio.toFixed(2)}x`, '<= 1.5x', parseRatio <= 1.5);
}
if (dash) {
  row(`3. Change reporting period (${dash.periods} periods)`, ms(dash.periodChange), '<= 50 ms', dash.periodChange <= 50);
  row('3. Filter by service area', ms(dash.areaFilter), '<= 50 ms', dash.areaFilter <= 50);
  row(`3. Filter by search text (${dash.searchResults})`, ms(dash.textFilter), '<= 50 ms', dash.textFilter <= 50);
}
if (moved) {
  row(`4. Matrix (${moved.markers} markers): arrow key to target shown`, ms(moved.step), '<= 16 ms', moved.step <= 16);
  row('4. Matrix: confirmed move to marker redrawn and saved', ms(moved.move), '', null);
}
if (table) {
  row(`5. Indicator tables (${table.rows} rows): app render`, ms(table.app), '', null);
  row('5. Same elements built with vanilla DOM', ms(table.vanilla), '', null);
  const tableRatio = table.app / table.vanilla;
  row('5. App against vanilla DOM', `${tableRatio.toFixed(2)}x`, '<= 1.5x', tableRatio <= 1.5);
}
if (mem) {
  const mb = (x) => `${(x / 1024 / 1024).toFixed(1)} MB`;
  row('7. Memory with the large snapshot open: wasm / JS heap', `${mb(mem.before.wasm)} / ${mb(mem.before.js)}`, '', null);
  row(`7. Memory after ${mem.edits} edits (undo steps): wasm / JS heap`, `${mb(mem.after.wasm)} / ${mb(mem.after.js)}`, '', null);
  row('7. One edit of the large snapshot, saved (mean, through the page)', ms(mem.perEdit), '', null);
  row(`7. Then after ${mem.figures} figure edits (each copies the indicator list): wasm / JS heap`, `${mb(mem.afterFigures.wasm)} / ${mb(mem.afterFigures.js)}`, '', null);
}
if (lh) {
  row(`6. Lighthouse mobile performance (runs: ${lh.runs.join(', ')})`, String(lh.performance), '>= 95', lh.performance >= 95);
  row('6. Lighthouse accessibility', String(lh.accessibility), '', null);
  row('6. Lighthouse FCP / LCP (simulated slow 4G)', `${ms(lh.fcp)} / ${ms(lh.lcp)}`, '', null);
  row('6. Lighthouse TBT / TTI', `${ms(lh.tbt)} / ${ms(lh.tti)}`, '', null);
}

const width = (k) => Math.max(k.length, ...rows.map((r) => r[k].length));
const [w1, w2, w3] = ['measure', 'value', 'budget'].map(width);
console.log();
for (const r of rows) console.log(`${r.measure.padEnd(w1)}  ${r.value.padStart(w2)}  ${r.budget.padEnd(w3)}  ${r.verdict}`);
const missed = rows.filter((r) => r.verdict === 'MISSED').length;
console.log(`\n${rows.filter((r) => r.verdict).length - missed} budgets met, ${missed} missed.`);

if (SAVE) {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() ? ' (with uncommitted changes)' : '';
  const date = new Date().toISOString().slice(0, 10);
  const cell = (s) => s.replace(/\|/g, '\\|');
  const section = [
    `## ${date}, commit ${commit}${dirty}`,
    '',
    `${RUNS} runs each (median); ${version}; ${LIGHTHOUSE_RUNS} Lighthouse runs.`,
    '',
    '| measure | value | budget | verdict |',
    '| --- | ---: | --- | --- |',
    ...rows.map((r) => `| ${cell(r.measure.trim())} | ${cell(r.value)} | ${cell(r.budget)} | ${r.verdict} |`),
    '',
  ].join('\n');
  const file = join(ROOT, 'bench/RESULTS.md');
  const header = '# Benchmark results\n\nNewest first. Each section is one run of `scripts/bench` (see the README).\n\n';
  const old = existsSync(file) ? readFileSync(file, 'utf8').replace(header, '') : '';
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(file, header + section + '\n' + old);
  console.log(`Added to bench/RESULTS.md.`);
}
