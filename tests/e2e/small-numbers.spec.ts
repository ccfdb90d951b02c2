// Small numbers: the council sets the threshold in the pack details; counts
// under it are flagged "small" in the overview, on an indicator's page (its
// chart draws them hollow) and in the complaints tables, with a note that
// says what the flag means. A threshold that is not a whole number is refused.
import { test, expect, press, stored, storageState } from './fixtures';
import type { Page } from '@playwright/test';

async function setThreshold(page: Page, typed: string) {
  await page.getByLabel('Small numbers: flag counts under').fill(typed);
  await page.getByRole('button', { name: 'Save pack details' }).click();
}

test('a threshold that is not a whole number from 0 to 1000 is refused at the field and nothing is saved', async ({ app, page }) => {
  await app.open('#/data');
  const field = page.getByLabel('Small numbers: flag counts under');
  await expect(field).toHaveValue('10');
  const before = await storageState(page);
  await setThreshold(page, '2.5');
  const summary = page.locator('#details-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The small-number threshold must be a whole number from 0 to 1000, for example 10; “2.5” is not');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await app.expectNoAxeViolations();
  expect(await storageState(page)).toEqual(before);
});

test('with the threshold at 1,000, counts under it are flagged on the overview, the indicator page and the complaints tables; at 10, the demo flags no indicator', async ({ app, page }, info) => {
  // The demo's indicator counts are all 10 or more: nothing is flagged.
  await app.open('#/indicators/ot-waiting');
  await expect(page.locator('.small-flag')).toHaveCount(0);
  await expect(page.getByTestId('small-note')).toHaveCount(0);

  await press(app.navLink('Data'), info);
  await setThreshold(page, '1000');
  await expect(page.locator('main')).toContainText('Saved the pack details');
  await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').snapshot?.settings?.small_numbers).toBe(1000);

  // The indicator's page: each figure under 1,000 (the demo's 398 in
  // 2018/19 and 466 in Q1 2019/20) is flagged in its table, and the quarter
  // among them is drawn hollow in its chart, with a key.
  await app.open('#/indicators/ot-waiting');
  const rows = page.getByRole('region', { name: 'Figures', exact: true }).locator('tbody tr');
  await expect(rows.filter({ has: page.locator('.small-flag') }).locator('th')).toHaveText(['2018/19', 'Q1 2019/20']);
  await expect(rows.filter({ hasText: '1,140' }).locator('.small-flag')).toHaveCount(0);
  await expect(rows.filter({ hasText: '466' }).locator('.small-flag')).toHaveText('small, a small number: fewer than 1,000');
  await expect(page.getByTestId('small-note')).toHaveText('“small” marks a count under 1,000, or a figure made of one, too few to read a change into. A percentage of fewer than 20 is given as its count.');
  const chart = page.getByTestId('indicator-chart');
  await expect(chart.locator('svg.chart__svg circle.chart__point'), 'its two quarters').toHaveCount(2);
  await expect(chart.locator('svg.chart__svg circle.chart__point--small')).toHaveCount(1);
  await expect(page.getByTestId('chart-small-key')).toHaveText('A hollow point is a small number: a count under 1,000, or a figure made of one, too few to read a change into.');
  await app.expectNoAxeViolations();

  // The overview: the area's table flags the same figure, with its note.
  await app.open('#/indicators');
  const row = page.locator('tr[data-indicator="ot-waiting"]');
  await expect(row.locator('td').first()).toContainText('466');
  await expect(row.locator('td').first().locator('.small-flag')).toHaveCount(1);
  const area = page.locator('section.area', { has: row });
  await expect(area.getByTestId('small-note')).toContainText('a count under 1,000');
  await expect(page.locator('section.area').filter({ hasNot: page.locator('.small-flag') }).getByTestId('small-note')).toHaveCount(0);

  // Complaints: the tables flag counts under 1,000, and each chart with one says so.
  await app.open('#/complaints');
  const trend = page.locator('section.chart-section').first();
  await expect(trend.getByTestId('small-note')).toHaveText('Counts under 1,000 are too few to read a change into: the figures’ table marks them “small”.');
  await trend.locator('summary').click();
  const cells = trend.locator('table tbody td');
  const texts = await cells.evaluateAll((tds) => tds.map((td) => (td.childNodes[0]?.textContent ?? '').trim()));
  const small = texts.filter((t) => /^[\d,]+$/.test(t) && Number(t.replace(/,/g, '')) < 1000).length;
  expect(small).toBeGreaterThan(0);
  await expect(trend.locator('table .small-flag')).toHaveCount(small);
  await app.expectNoAxeViolations();

  // Back to 0: nothing is flagged anywhere.
  await app.open('#/data');
  await setThreshold(page, '0');
  await expect(page.locator('main')).toContainText('Saved the pack details');
  await app.open('#/complaints');
  await expect(page.getByTestId('small-note')).toHaveCount(0);
});
