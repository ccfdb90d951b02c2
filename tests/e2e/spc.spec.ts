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
