import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { test, expect, press } from './fixtures';

// A small synthetic pack: 20 indicators of 20 quarters each, enough for
// limits (the demo's series are a few quarters and years). Written here
// when missing, the same bytes each time.
const folder = 'target/e2e';
const small = `${folder}/spc-snapshot.json`;

test.beforeAll(() => {
  if (!existsSync(small)) {
    const aside = `${folder}/spc-writing-${process.pid}`;
    execFileSync('cargo', ['run', '--locked', '-q', '-p', 'scrutineer-core', '--example', 'synthetic', '--', aside, '2026', '20'], {
      stdio: 'inherit',
    });
    renameSync(`${aside}/large-snapshot.json`, small);
    rmSync(aside, { recursive: true, force: true });
  }
});

test('an indicator with twenty quarters shows its XmR chart, and a table of every figure with its limits and signal', async ({ app, page }, info) => {
  await app.open('#/data');
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles({
    name: 'synthetic.json',
    mimeType: 'application/json',
    buffer: readFileSync(small),
  });
  await press(page.getByTestId('confirm-import'), info);
  await expect(page.getByTestId('notices-open-file')).toContainText('Opened “synthetic.json”');
  await app.open('#/indicators/ind-0003');
  const spc = page.getByTestId('spc');
  await expect(spc.getByRole('heading', { name: 'Is the change real?' })).toBeVisible();
  await expect(spc.getByTestId('spc-chart')).toBeVisible();
  const rows = spc.getByTestId('spc-table').locator('tbody tr');
  await expect(rows).toHaveCount(20);
  await expect(rows.first().locator('th')).toHaveText('Q1 2015/16');
  // Every figure's signal is in words; the latest's is the indicator's.
  const signals = await rows.locator('td:last-child').allTextContents();
  for (const s of signals) expect(s).toMatch(/^(Common cause: ordinary variation|Special cause: (improving|concerning) \((higher|lower)\): .+)$/);
  const latest = signals.at(-1)!;
  await expect(spc.getByTestId('spc-variation')).toHaveText(latest.split(': ').slice(0, 2).join(': '));
  // The chart draws a mark for each figure: a circle, or a triangle where it signals.
  await expect(spc.locator('svg[role="img"] .spc__mark')).toHaveCount(20);
  const special = signals.filter((s) => s.startsWith('Special')).length;
  await expect(spc.locator('svg[role="img"]')).toHaveAttribute('aria-label', new RegExp(`^XmR chart of 20 figures`));
  expect(await spc.locator('svg[role="img"] .spc__mark--common').count()).toBe(20 - special);
  await app.expectNoAxeViolations();
});

test('an indicator with too few figures says so, and what the direction shown means', async ({ app, page }) => {
  await app.open('#/indicators/children-looked-after');
  await expect(page.getByTestId('spc-too-few')).toContainText('Too few points: 5 quarters (12 are needed).');
  await expect(page.getByTestId('spc-chart')).toHaveCount(0);
  await app.expectNoAxeViolations();
});

/// The synthetic pack with one indicator (where lower is better) given ten
/// quarters low, then ten high ending far above: a shift each way and a
/// figure beyond the upper limit, with a target the limits straddle.
async function openShifted(app: { open: (route: string) => Promise<void> }, page: import('@playwright/test').Page, info: import('@playwright/test').TestInfo) {
  const file = JSON.parse(readFileSync(small, 'utf8'));
  delete file.content_sha256;
  const changed = file.snapshot.indicators.find((i: { id: string }) => i.id === 'ind-0001');
  expect(changed.polarity).toBe('low');
  changed.values.forEach((v: { value: unknown }, i: number) => {
    const figure = i < 10 ? 40 + (i % 2 ? 4 : -4) : i === 19 ? 95 : 60 + (i % 2 ? 3 : -3);
    v.value = { kind: 'figure', value: figure, decimals: 1 };
  });
  changed.target = { value: 70, rule: { kind: 'directional', amber_within: 5 } };
  await app.open('#/data');
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles({
    name: 'shift.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await press(page.getByTestId('confirm-import'), info);
  await expect(page.getByTestId('notices-open-file')).toContainText('Opened “shift.json”');
}

test('a shift and a figure beyond a limit are drawn as triangles, filled or hollow, and named in the table', async ({ app, page }, info) => {
  await openShifted(app, page, info);
  await app.open('#/indicators/ind-0001');
  const spc = page.getByTestId('spc');
  const marks = spc.locator('svg[role="img"] .spc__mark');
  await expect(marks).toHaveCount(20);
  await expect(spc.locator('svg[role="img"] .spc__mark--improving')).toHaveCount(10);
  await expect(spc.locator('svg[role="img"] .spc__mark--concerning')).toHaveCount(10);
  await expect(spc.locator('svg[role="img"]')).toHaveAttribute('aria-label', /^XmR chart of 20 figures of Synthetic indicator 0001: 20 signal a real change\./);
  await expect(spc.getByTestId('spc-variation')).toHaveText('Special cause: concerning (higher)');
  await expect(spc.getByTestId('spc-assurance')).toHaveText('The target will be sometimes met and sometimes missed, by ordinary variation alone');
  const rows = spc.getByTestId('spc-table').locator('tbody tr');
  await expect(rows.first().locator('td').last()).toHaveText(/^Special cause: improving \(lower\): one of 7 or more in a row on one side of the mean/);
  await expect(rows.last().locator('td').last()).toHaveText('Special cause: concerning (higher): beyond a process limit; one of 7 or more in a row on one side of the mean');
  await app.expectNoAxeViolations();
});

test('the overview says which changes are real and which targets can be met, and filters by either', async ({ app, page }, info) => {
  await openShifted(app, page, info);
  await app.open('#/indicators');
  const variation = page.getByTestId('variation-counts');
  // The other 19 synthetic series wander about their mean; the shifted one does not.
  await expect(variation.getByRole('link')).toHaveText(['1 Special cause: concerning', '19 Common cause']);
  await expect(page.getByTestId('assurance-counts').getByRole('link')).toHaveText(['1 Target hit and miss']);
  await variation.getByRole('link', { name: '1 Special cause: concerning' }).click();
  await expect(page).toHaveURL(/variation=concerning/);
  await expect(page.getByText('Showing 1 indicator of 20.')).toBeVisible();
  const row = page.locator('table.table--indicators tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('th')).toHaveText('Synthetic indicator 0001');
  await expect(row.locator('td.spc-cell')).toHaveText('Special cause: concerningTarget hit and miss');
  await app.expectNoAxeViolations();
  // Tapped again, the count clears its filter.
  await variation.getByRole('link', { name: '1 Special cause: concerning' }).click();
  await expect(page.getByText('Showing 20 indicators of 20.')).toBeVisible();
});

test('with too few figures anywhere, the overview says so in one line instead of counting noughts', async ({ app, page }) => {
  await app.open('#/indicators');
  await expect(page.getByTestId('variation-counts')).toHaveText(
    'Is the change real? All 61 indicators have fewer than 12 figures of one kind, too few to tell a real change from ordinary variation, or whether a target can be met. How this is judged',
  );
  await expect(page.getByTestId('assurance-counts')).toHaveCount(0);
  await expect(page.locator('table.table--indicators td.spc-cell').first()).toHaveText('Too few points');
});

test('the briefing lists a real change for the worse with its limits, and leads to its chart', async ({ app, page }, info) => {
  await openShifted(app, page, info);
  await app.open('#/briefing');
  const concerning = page.getByTestId('briefing-concerning');
  await expect(concerning.getByRole('heading', { level: 2 })).toHaveText('Changes that are real, and concerning (1)');
  const point = concerning.locator('li');
  await expect(point.locator('.briefing-point__label')).toHaveText('Synthetic indicator 0001');
  await expect(point).toContainText(/Special cause: concerning \(higher\): the Q4 2019\/20 figure, 95\.00%, is beyond a process limit and one of 7 or more in a row on one side of the mean\./);
  await expect(point).toContainText(/Ordinary variation runs from [\d.]+% to [\d.]+% about a mean of [\d.]+%\./);
  await expect(point.locator('.briefing-point__source')).toHaveText('Source: XmR chart of 20 figures, Q1 2015/16 to Q4 2019/20');
  await app.expectNoAxeViolations();
  await press(point.getByRole('link'), info);
  await expect(page).toHaveURL(/#\/indicators\/ind-0001$/);
  await expect(page.getByTestId('spc-variation')).toHaveText('Special cause: concerning (higher)');
});

test('a change of process starts the limits again from its period, with its reason, and can be taken back', async ({ app, page }, info) => {
  await openShifted(app, page, info);
  await app.open('#/indicators/ind-0001');
  const spc = page.getByTestId('spc');
  await expect(spc.getByTestId('rebasings')).toHaveText('None recorded: one set of limits is drawn from every figure.');
  const means = () => spc.getByTestId('spc-table').locator('tbody tr td:nth-child(3)').allTextContents();
  const oneProcess = await means();
  expect(new Set(oneProcess).size).toBe(1);
  const form = spc.getByTestId('rebasing-form');
  await press(form.locator('summary'), info);
  // Nothing chosen and no reason: each field says what is missing, and nothing is saved.
  await press(form.getByRole('button', { name: 'Start the limits again' }), info);
  await expect(page.locator('#rebase-errors')).toBeFocused();
  await expect(page.locator('#rebase-errors')).toContainText('Choose the first period of the new process');
  await expect(page.locator('#rebase-errors')).toContainText('Give the reason the process changed');
  await form.getByLabel('First period of the new process').selectOption('Q3 2017/18');
  await form.getByLabel('Why the process changed').fill('New booking system');
  await press(form.getByRole('button', { name: 'Start the limits again' }), info);
  await expect(page.getByText('The limits now start again at Q3 2017/18')).toBeVisible();
  await expect(spc.getByTestId('rebasings')).toHaveText(/From Q3 2017\/18: New booking system\s*Remove/);
  // Two processes: the mean before Q3 2017/18 differs from the mean from it.
  const twoProcesses = await means();
  expect(twoProcesses[9]).not.toBe(twoProcesses[10]);
  expect(new Set(twoProcesses.slice(0, 10)).size).toBe(1);
  expect(new Set(twoProcesses.slice(10)).size).toBe(1);
  await app.expectNoAxeViolations();
  await press(spc.getByRole('button', { name: 'Remove the change of process at Q3 2017/18' }), info);
  await expect(spc.getByTestId('rebasings')).toHaveText('None recorded: one set of limits is drawn from every figure.');
  expect(await means()).toEqual(oneProcess);
});
