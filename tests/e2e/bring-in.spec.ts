import { readFileSync } from 'node:fs';
import { test, expect, press, storageState, swipeUp, touch, stored } from './fixtures';
import type { Page, TestInfo } from '@playwright/test';

/** A monitoring report's table as officers keep it: a title, area rows, one column per period. */
const INDICATORS = [
  'Anytown Borough Council: quarterly monitoring report,,,,,,',
  ',,,,,,',
  'Performance Measure,Good is,Unit,2017/18,Q1 18/19,Q2 2018/19 (Sep 18),England avg',
  "Children's Social Care,,,,,,",
  'Number of contacts during the year,-,count,"33,253","9,453","9,870",-',
  'Percentage of contacts that led to a referral during the year,H,,32.2%,37.1 %,36.0%,-',
  'Number and rate of referrals during the year,L,rate per 10000,"10,337/ 419.4","3,377/ 136.8","2,605/ 105.1",548.2',
  'Waste management,,,,,,',
  '% of recycling re-use and composting,H,,42%,43%,Due in Q4,45% (2017/18)',
].join('\r\n');

const REGISTER = [
  'Ref,Risk or opportunity,Quarter,Title,Risk score,Residual score,Owner',
  'CR1,Risk,Q1 2019/20,Funding gap in the medium term financial strategy,20 (Catastrophic/Likely),16 (Major/Likely),Director of Finance',
  'CR1,Risk,Q2 2019/20,Funding gap in the medium term financial strategy,20 (Catastrophic/Likely),12 (Major/Possible),Director of Finance',
  'CO1,Opportunity,Q2 2019/20,Devolution deal for the county,4x4,L3 I4,Chief Executive',
].join('\r\n');

const COMPLAINTS = [
  'Procedure,Financial year,Complaints received,Upheld,Partly upheld,Not upheld,Compliments',
  'Adult social care,2016/17,479,60,80,70,700',
  'Adult social care,2017/18,540,70,87,67,615',
  "Children's social care,2017/18,312,40,52,90,210",
].join('\r\n');

/** Starts an empty workspace for a new council, tapping and typing as a person does. */
async function startEmpty(page: Page, info: TestInfo) {
  await press(page.getByTestId('start-empty'), info);
  await press(page.locator('#empty-organisation'), info);
  await page.keyboard.type('Anytown Borough Council');
  await press(page.locator('#empty-title'), info);
  await page.keyboard.type('Overview and Scrutiny Committee');
  await press(page.getByRole('button', { name: 'Clear and start empty' }), info);
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
}

test('a new council goes from an empty workspace to a dashboard, register and complaints report from three spreadsheets', async ({ app, page }, info) => {
  await app.open('#/data');
  await startEmpty(page, info);
  await press(page.getByTestId('bring-in-link'), info);
  await expect(app.heading).toHaveText("Bring in your council's spreadsheets");
  await expect(page.getByTestId('bring-in-held')).toContainText('0 indicators in 0 service areas');

  // Indicators: the report's own table, previewed with each heading as printed and as understood.
  await page.getByTestId('indicators-input').setInputFiles({ name: 'q2.csv', mimeType: 'text/csv', buffer: Buffer.from(INDICATORS) });
  const preview = page.getByTestId('indicators-preview');
  await expect(page.locator('#indicators-preview-heading')).toHaveText(
    '“q2.csv” brings in 2 service areas, 4 indicators, 12 figures and 4 comparators',
  );
  const understood = page.getByTestId('indicators-understood');
  await expect(understood.getByRole('row', { name: /Q2 2018\/19 \(Sep 18\)/ })).toContainText('Quarter 2 of 2018/19');
  await expect(understood.getByRole('row', { name: /England avg/ })).toContainText('England average');
  await app.expectNoAxeViolations();
  await press(page.getByTestId('indicators-confirm'), info);
  await expect(page.getByTestId('notices-bring-in-indicators')).toContainText(
    'Brought in 2 service areas, 4 indicators, 12 figures and 4 comparators from “q2.csv”.',
  );
  await expect(page.getByTestId('bring-in-held')).toContainText('4 indicators in 2 service areas');

  // The register: two quarters of a risk and an opportunity.
  await page.getByTestId('register-input').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(REGISTER) });
  await expect(page.locator('#register-preview-heading')).toContainText('“register.csv” brings in 2 entries');
  await press(page.getByTestId('register-confirm'), info);
  await expect(page.getByTestId('notices-bring-in-register')).toContainText('from “register.csv”');

  // Complaints: a row per procedure and year.
  await page.getByTestId('complaints-input').setInputFiles({ name: 'complaints.csv', mimeType: 'text/csv', buffer: Buffer.from(COMPLAINTS) });
  await expect(page.locator('#complaints-preview-heading')).toContainText('“complaints.csv” brings in 3 years');
  await press(page.getByTestId('complaints-confirm'), info);
  await expect(page.getByTestId('notices-bring-in-complaints')).toContainText('from “complaints.csv”');

  // The dashboards are filled, without a figure typed.
  await press(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Indicators' }), info);
  await expect(page.getByRole('heading', { name: "Children's Social Care" }).first()).toBeVisible();
  await expect(page.locator('main')).toContainText('Number and rate of referrals during the year');
  await page.goto('./#/indicators/number-and-rate-of-referrals-during-the-year');
  await expect(page.locator('main')).toContainText('2,605 / 105.1');
  await press(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Risks' }), info);
  await expect(page.locator('main')).toContainText('Funding gap in the medium term financial strategy');
  await expect(page.locator('main')).toContainText('Devolution deal for the county');
  // On the matrices: the risk at Major/Possible (its Q2 residual), the opportunity at 4 x 3.
  await expect(page.getByTestId('matrix-table-risks')).toContainText('CR1');
  await expect(page.getByTestId('matrix-table-opportunities')).toContainText('CO1');
  await press(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Complaints' }), info);
  await expect(page.getByTestId('headlines')).toContainText('540');
  await expect(page.locator('main')).toContainText('479');
  await app.expectNoAxeViolations();
});

test('a spreadsheet with faults is refused by row and column, storage stays byte-identical, and a good one can be undone', async ({ app, page }, info) => {
  await app.open('#/data/bring-in');
  const before = await storageState(page);
  const bad = INDICATORS.replace('"9,453"', '"9,45.3"').replace(',-,count,', ',X,count,');
  await page.getByTestId('indicators-input').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const notices = page.getByTestId('notices-bring-in-indicators');
  await expect(notices).toContainText('Could not open “bad.csv”: 2 problems. Nothing has been changed.');
  await expect(notices).toContainText('Row 5, column “Good is”: “X” is not a polarity');
  await expect(notices).toContainText('Row 5, column “Q1 18/19”: “9,45.3” is not a figure');
  await expect(page.getByTestId('indicators-preview')).toHaveCount(0);
  expect(await storageState(page)).toEqual(before);

  // Into the demo, the same report changes held figures: each is listed, now and from the file.
  const held = 'Performance Measure,Good is,Q1 2018/19\r\nNumber of contacts during the year,-,"9,500"\r\n';
  await page.getByTestId('indicators-input').setInputFiles({ name: 'held.csv', mimeType: 'text/csv', buffer: Buffer.from(held) });
  await expect(notices).not.toContainText('bad.csv');
  const changed = page.getByTestId('indicators-changed');
  await expect(changed.getByRole('row', { name: /Number of contacts during the year, Q1 2018\/19/ })).toContainText('9,453');
  await expect(changed.getByRole('row', { name: /Number of contacts during the year, Q1 2018\/19/ })).toContainText('9,500');
  await press(page.getByTestId('indicators-confirm'), info);
  await expect(notices).toContainText('Changed 1 held figure from “held.csv”.');
  const contactsQ1 = async () => {
    const saved = JSON.parse((await stored(page))!);
    const contacts = saved.snapshot.indicators.find((i: { id: string }) => i.id === 'contacts');
    return contacts.values.find((v: { period: string }) => v.period === 'Q1 2018/19').value.value;
  };
  expect(await contactsQ1()).toBe(9500);
  await press(notices.getByRole('button', { name: 'Undo' }), info);
  await expect(page.getByTestId('statuses')).toContainText('Undone: Changed 1 held figure from “held.csv”.');
  expect(await contactsQ1()).toBe(9453);
});

test('a sheet whose headings are not known is mapped by hand before its preview', async ({ app, page }, info) => {
  await app.open('#/data/bring-in');
  const own = 'Name of PI,Lead officer,2017/18\r\nCalls answered in 20 seconds,J Smith,81%\r\n';
  await page.getByTestId('indicators-input').setInputFiles({ name: 'own.csv', mimeType: 'text/csv', buffer: Buffer.from(own) });
  const mapping = page.getByTestId('indicators-mapping');
  await expect(mapping).toContainText('Its headings are on row 1.');
  await page.getByTestId('indicators-map-indicator').selectOption({ label: 'Column 1: Name of PI' });
  await expect(page.locator('#indicators-preview-heading')).toHaveText(
    '“own.csv” brings in 1 service area, 1 indicator and 1 figure',
  );
  await expect(page.getByTestId('indicators-not-read')).toContainText('“Lead officer”');
  await app.expectNoAxeViolations();

  // A choice that leaves faults can be made again.
  const bad = 'Name of PI,Lead officer,2017/18\r\nCalls answered in 20 seconds,J Smith,lots\r\n';
  await page.getByTestId('indicators-input').setInputFiles({ name: 'own.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByTestId('indicators-map-indicator').selectOption({ label: 'Column 1: Name of PI' });
  await expect(page.getByTestId('notices-bring-in-indicators')).toContainText('Row 2, column “2017/18”: “lots” is not a figure');
  await press(page.getByTestId('indicators-remap'), info);
  await expect(page.getByTestId('indicators-mapping')).toBeVisible();
});

test('an Excel workbook is read in a worker, its sheet chosen, and its figures brought in', async ({ app, page }, info) => {
  await app.open('#/data');
  await startEmpty(page, info);
  await page.goto('./#/data/bring-in');
  const workbook = readFileSync('tests/fixtures/monitoring.xlsx');
  await page.getByTestId('indicators-input').setInputFiles({
    name: 'monitoring.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook,
  });
  const sheet = page.getByTestId('indicators-sheet');
  await expect(sheet).toHaveValue('0');
  await expect(sheet.locator('option')).toHaveCount(2);
  const preview = page.getByTestId('indicators-preview');
  await expect(page.locator('#indicators-preview-heading')).toContainText('“monitoring.xlsx”, sheet “Indicators”, brings in');
  await press(page.getByTestId('indicators-confirm'), info);
  await expect(page.getByTestId('notices-bring-in-indicators')).toContainText('from “monitoring.xlsx”, sheet “Indicators”.');
  await page.goto('./#/indicators');
  await expect(page.locator('main')).toContainText('Percentage of contacts that led to a referral during the year');
});

test('each template downloads, and brought back in it is read without a fault', async ({ app, page }, info) => {
  await app.open('#/data');
  await startEmpty(page, info);
  // The empty figures page leads here, not to the figures import that needs indicators held.
  await page.goto('./#/enter');
  await press(page.getByTestId('enter-bring-in'), info);
  await expect(app.heading).toHaveText("Bring in your council's spreadsheets");
  for (const key of ['indicators', 'register', 'complaints']) {
    const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByTestId(`${key}-template`), info)]);
    expect(download.suggestedFilename()).toBe(`scrutineer-${key}-template.csv`);
    const path = await download.path();
    await page.getByTestId(`${key}-input`).setInputFiles(path!);
    await expect(page.getByTestId(`${key}-preview`)).toBeVisible();
    await press(page.getByTestId(`${key}-confirm`), info);
    await expect(page.getByTestId(`notices-bring-in-${key}`)).toContainText('Brought in');
  }
});

test('every control on the bring-in page is at least 44 by 44 px, with a preview open', async ({ app, page }, info) => {
  await app.open('#/data/bring-in');
  await page.getByTestId('indicators-input').setInputFiles({ name: 'q2.csv', mimeType: 'text/csv', buffer: Buffer.from(INDICATORS) });
  await expect(page.getByTestId('indicators-preview')).toBeVisible();
  const targets = page.locator('main .button, main button, main select, main summary');
  const count = await targets.count();
  expect(count).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < count; i++) {
    const box = await targets.nth(i).boundingBox();
    expect(box, `target ${i} is visible`).not.toBeNull();
    expect(box!.height, `height of ${await targets.nth(i).textContent()}`).toBeGreaterThanOrEqual(44);
    expect(box!.width, `width of ${await targets.nth(i).textContent()}`).toBeGreaterThanOrEqual(44);
  }
});

test('a workbook with a figure that cannot be read is refused by sheet, row and column', async ({ app, page }, info) => {
  await app.open('#/data/bring-in');
  const before = await storageState(page);
  await page.getByTestId('indicators-input').setInputFiles({
    name: 'faults.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync('tests/fixtures/faults.xlsx'),
  });
  const notices = page.getByTestId('notices-bring-in-indicators');
  await expect(notices).toContainText('Could not open “faults.xlsx”: 1 row has a problem. Nothing has been changed.');
  await expect(notices).toContainText('Sheet “Q2”, row 3, column “2017/18”: “12,34” is not a figure');
  await expect(page.getByTestId('indicators-preview')).toHaveCount(0);
  expect(await storageState(page)).toEqual(before);
});

test('a damaged workbook is refused in plain words naming the cell, and nothing stored changes', async ({ app, page }) => {
  await app.open('#/data/bring-in');
  const before = await storageState(page);
  // The fuzzer's file: a cell reference past what calamine's arithmetic holds.
  await page.getByTestId('indicators-input').setInputFiles({
    name: 'damaged.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync('fuzz/regressions/workbook/a-column-past-what-a-number-holds.xlsx'),
  });
  const notices = page.getByTestId('notices-bring-in-indicators');
  await expect(notices).toContainText('“damaged.xlsx” is not a workbook Scrutineer can read:');
  await expect(notices).toContainText('past the last cell a spreadsheet can have (XFD1048576); the file may be damaged. Open it in Excel or LibreOffice, save it again and open that.');
  await expect(page.getByTestId('indicators-preview')).toHaveCount(0);
  expect(await storageState(page)).toEqual(before);
});

test('swiping over a preview on a tablet reads it: the page scrolls and nothing is brought in', async ({ app, page }, info) => {
  test.skip(!touch(info), 'a swipe is a touch screen\'s');
  await app.open('#/data/bring-in');
  const before = await storageState(page);
  await page.getByTestId('indicators-input').setInputFiles({ name: 'q2.csv', mimeType: 'text/csv', buffer: Buffer.from(INDICATORS) });
  const understood = page.getByTestId('indicators-understood');
  await expect(understood).toBeVisible();
  // The table of how each heading was read scrolls in its own box (it can
  // be long): the swipe moves it, or the page once it is at its end.
  const region = page.getByRole('region', { name: 'How each heading and cell was read' });
  const moved = () =>
    Promise.all([page.evaluate(() => window.scrollY), region.evaluate((e) => e.scrollTop)]).then(([a, b]) => a + b);
  const scrolled = await moved();
  await swipeUp(page, (await understood.boundingBox())!);
  await expect.poll(moved, 'what is under the finger scrolls').toBeGreaterThan(scrolled);
  await expect(page.getByTestId('indicators-preview')).toBeVisible();
  expect(await storageState(page)).toEqual(before);
});
