import { test, expect, stored } from './fixtures';
import type { Page } from '@playwright/test';


const headline = (page: Page, label: string) =>
  page.getByTestId('headlines').getByRole('listitem').filter({ hasText: label });
const chart = (page: Page, id: string) => page.locator('section.chart-section').filter({ has: page.locator(`#chart-${id}`) });

/** Opens a chart's table and gives the row whose header is `row`. */
async function tableRow(page: Page, id: string, row: string | RegExp) {
  const section = chart(page, id);
  const details = section.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await section.getByText('Show the figures as a table').click();
  }
  return section.getByRole('table').getByRole('row', { name: row });
}

test('the demo shows 2017/18 adult social care: 540 complaints against 479 the year before, and passes axe', async ({ app, page }) => {
  await app.open('#/complaints');
  await expect(page.getByTestId('procedure-picker')).toHaveValue('adult_social_care');
  await page.getByTestId('year-picker').selectOption('2017/18');
  await expect(page).toHaveURL(/#\/complaints\?procedure=adult_social_care&year=2017\/18$/);
  await expect(headline(page, 'Complaints received')).toContainText('540');
  await expect(headline(page, 'Complaints received')).toContainText('Rose 13% from 479 in 2016/17 to 540 in 2017/18');
  await expect(headline(page, 'Upheld by the Ombudsman')).toContainText('51% of 37 investigated');
  await expect(page.getByTestId('summary-trend')).toContainText('Adult social care complaints rose 13% from 479 in 2016/17 to 540 in 2017/18.');
  await expect(page.getByTestId('checks')).toContainText('425 closed plus 116 still open is 541, but 540 complaints were received.');
  // The chart prints its values; the table holds the same figures.
  await expect(page.getByTestId('chart-trend').locator('text')).toContainText(['479', '540']);
  await expect(await tableRow(page, 'trend', /^2016\/17/)).toContainText('479');
  await expect(await tableRow(page, 'trend', /^2017\/18/)).toContainText('540');
  await expect(page.getByTestId('summary-outcomes')).toHaveText(
    'Of 425 closed adult social care complaints in 2017/18, 157 (37%) were upheld or partly upheld.',
  );
  const outcomes = await tableRow(page, 'outcomes', /^2017\/18/);
  await expect(outcomes).toContainText('70');
  await expect(outcomes).toContainText('425');
  await app.expectNoAxeViolations();
});

test('switching procedure and year changes every chart and keeps the choice in the address', async ({ app, page }) => {
  await app.open('#/complaints?procedure=adult_social_care&year=2017/18');
  await page.getByTestId('procedure-picker').selectOption({ label: "Children's social care (statutory)" });
  await expect(page).toHaveURL(/procedure=children_statutory&year=2017\/18$/);
  await expect(headline(page, 'Complaints received')).toContainText('265');
  await expect(page.getByTestId('summary-stages')).toContainText('150 of 265 (57%)');
  await expect(page.getByTestId('summary-timeliness')).toContainText('132 of 265 (50%)');
  await expect(page.getByTestId('summary-categories')).toContainText('Social work practice was the most common subject');
  const timeliness = await tableRow(page, 'timeliness', /^2017\/18/);
  await expect(timeliness).toContainText('50%');
  await page.getByTestId('year-picker').selectOption('2016/17');
  await expect(headline(page, 'Complaints received')).toContainText('220');
  await expect(page.getByTestId('summary-stages')).toHaveText("No stage figures are given for children's social care complaints in 2016/17.");
  // The address is a link to this view: reloading shows the same choice.
  await page.reload();
  await expect(page.getByTestId('procedure-picker')).toHaveValue('children_statutory');
  await expect(page.getByTestId('year-picker')).toHaveValue('2016/17');
  // A stale link says what it ignored.
  await app.open('#/complaints?year=2031/32');
  await expect(page.getByText('This link asks for year “2031/32”')).toBeVisible();
  await expect(page.getByTestId('year-picker')).toHaveValue('2018/19');
});

test('a year’s figures are refused where parts exceed the whole, then saved and undone', async ({ app, page }) => {
  await app.open('#/complaints?procedure=adult_social_care&year=2017/18');
  await page.getByTestId('change-figures').click();
  await expect(app.heading).toHaveText('Change the 2017/18 figures: Adult social care (statutory)');
  await page.getByLabel('Closed with an outcome recorded').fill('600');
  await page.getByLabel('Answered beyond the timescale').fill('eleven');
  await page.getByTestId('save-figures').click();
  const summary = page.locator('#figures-errors');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('listitem')).toHaveText([
    'Closed complaints (600) cannot be more than complaints received (540)',
    'Answered beyond the timescale must be a number, like 540, or blank if the report does not give it',
  ]);
  await expect(page.getByLabel('Closed with an outcome recorded')).toHaveAttribute('aria-invalid', 'true');
  expect(await stored(page), 'a refused form saves nothing').toBeNull();
  await summary.getByRole('link', { name: /Closed complaints/ }).click();
  await expect(page.getByLabel('Closed with an outcome recorded')).toBeFocused();

  await page.getByLabel('Closed with an outcome recorded').fill('425');
  await page.getByLabel('Answered beyond the timescale').fill('11');
  await page.getByLabel('Compliments received').fill('620');
  await page.getByTestId('save-figures').click();
  await expect(page).toHaveURL(/#\/complaints\?procedure=adult_social_care&year=2017\/18$/);
  await expect(headline(page, 'Compliments received')).toContainText('620');
  expect(await stored(page)).toContain('"compliments":620');
  const status = page.getByRole('status').filter({ hasText: 'Saved the 2017/18 figures for Adult social care (statutory).' });
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(headline(page, 'Compliments received')).toContainText('615');
  expect(await stored(page)).toContain('"compliments":615');
});

test('a new year is added for a procedure and its form passes axe', async ({ app, page }) => {
  await app.open('#/complaints?procedure=corporate&year=2018/19');
  await page.getByRole('link', { name: 'Add another year' }).click();
  await expect(app.heading).toHaveText("Add a year's complaints figures");
  await expect(page.getByLabel('Procedure')).toHaveValue('corporate');
  await page.getByLabel('Financial year').fill('2018/19');
  await page.getByLabel('Complaints received').fill('1,150');
  await page.getByTestId('save-figures').click();
  await expect(page.locator('#figures-errors')).toContainText('There are already figures for Corporate (non-statutory) in 2018/19: change those instead');
  await app.expectNoAxeViolations();
  await page.getByLabel('Financial year').fill('2019/20');
  await page.getByTestId('save-figures').click();
  await expect(page).toHaveURL(/procedure=corporate&year=2019\/20$/);
  await expect(page.getByTestId('summary-trend')).toContainText('Corporate complaints fell 3% from 1,188 in 2018/19 to 1,150 in 2019/20.');
});

test('a case list with a bad row is refused by row and column; a good one is summed in working days', async ({ app, page }) => {
  await app.open('#/complaints/cases');
  await expect(app.heading).toHaveText('Bring in a complaints case list');
  const header = 'reference,procedure,received,stage,category,outcome,acknowledged,responded\n';
  const bad =
    header +
    'C-1,children statutory,01/04/2019,1,Social work practice,upheld,02/04/2019,12/04/2019\n' +
    'C-2,children statutory,31/02/2019,1,Social work practice,upheld,,\n' +
    'C-3,childrens,02/04/2019,9,Finance,maybe,,\n';
  const input = page.getByLabel('Choose a case list (.csv)');
  await input.setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const errors = page.getByTestId('notices-case-list').locator('.message');
  await expect(errors, 'the refusal is read out at once').toBeFocused();
  await expect(errors).toContainText('Could not open “cases.csv”: 5 problems. Nothing has been changed. Correct the rows in the spreadsheet and choose the file again.');
  await expect(errors.getByRole('listitem')).toHaveCount(5);
  await expect(errors).toContainText('Row 3, column received: “31/02/2019” is not a date');
  await expect(errors).toContainText('Row 4, column procedure');
  await expect(errors).toContainText('Row 4, column stage');
  await expect(errors).toContainText('Row 4, column outcome');
  expect(await stored(page), 'a refused case list saves nothing').toBeNull();
  await app.expectNoAxeViolations();

  // Easter 2019: Good Friday 19 April and Easter Monday 22 April are not working days.
  const good =
    header +
    'C-1,children statutory,2019-04-01,1,Social work practice,upheld,2019-04-02,2019-04-12\n' +
    'C-2,children statutory,2019-04-10,1,Social work practice,not upheld,2019-04-11,2019-05-09\n' +
    'C-3,children statutory,2019-04-15,1,Children with disabilities,,,\n';
  await input.setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  const preview = page.getByTestId('cases-preview');
  await expect(preview).toContainText('“cases.csv”: 3 complaints in 1 year and procedure');
  const row = preview.getByRole('row', { name: /^2019\/20/ });
  await expect(row).toContainText("Children's social care (statutory)");
  // C-2 took 18 working days across Easter and the May bank holiday, within the 20 allowed;
  // counting those three holidays as working days would give 21, beyond it.
  await expect(row.getByRole('cell').last()).toHaveText('0');
  await preview.getByTestId('confirm-cases').click();
  await expect(page).toHaveURL(/procedure=children_statutory&year=2019\/20$/);
  await expect(headline(page, 'Complaints received')).toContainText('3');
  await expect(page.getByTestId('summary-trend')).toContainText("Children's social care complaints fell 99% from 289 in 2018/19 to 3 in 2019/20.");
  expect(await stored(page)).toContain('From a case list');
});
