import { test, expect, stored } from './fixtures';

test('the Q1 2019/20 overview shows the pack’s figures with comparators and direction', async ({ app, page }) => {
  await app.open('#/indicators');
  await expect(page.getByTestId('period-picker')).toHaveValue('Q1 2019/20');
  const cla = page.locator('tr[data-indicator="children-looked-after"]');
  await expect(cla).toContainText('2,096 / 84.6');
  await expect(cla).toContainText('64.0');
  await expect(cla).toContainText('Improving');
  const lighting = page.locator('tr[data-indicator="street-lighting-repair-days"]');
  await expect(lighting.locator('td').filter({ hasText: '4.79' })).toContainText('On track/good');
  const counts = page.getByTestId('standing-counts');
  await expect(counts.getByRole('link', { name: '4 On track/good' })).toBeVisible();
  await expect(counts.getByRole('link', { name: '2 Requires improvement' })).toBeVisible();
  await expect(
    page.locator('section.area').filter({ has: page.getByRole('heading', { name: 'Street lighting and highways' }) }).getByTestId('area-summary'),
  ).toHaveText('3 on track, 2 requiring improvement; 4 improving, 1 worsening.');
  await app.expectNoAxeViolations();
});

test('choosing a period changes the counts and the address', async ({ app, page }) => {
  await app.open('#/indicators');
  const travel = page.getByTestId('travel-counts');
  const before = await travel.innerText();
  await page.getByTestId('period-picker').selectOption('Q1 2018/19');
  await expect(page).toHaveURL(/#\/indicators\?period=Q1%202018%2F19$/);
  await expect(page.getByTestId('period-picker')).toHaveValue('Q1 2018/19');
  await expect(travel).not.toHaveText(before);
  const cla = page.locator('tr[data-indicator="children-looked-after"]');
  await expect(cla.locator('td').first(), 'the chosen period sits beside the name').toHaveText('2,021 / 81.9');
  await expect(cla).toContainText('2,021 / 81.9');
  await page.reload();
  await expect(page.getByTestId('period-picker'), 'the address keeps the period').toHaveValue('Q1 2018/19');
});

test('going back after choosing a period shows the period before, in the picker, the counts and the tables', async ({ app, page }) => {
  await app.open('#/indicators');
  const picker = page.getByTestId('period-picker');
  const cla = page.locator('tr[data-indicator="children-looked-after"] td').first();
  await picker.selectOption('Q1 2018/19');
  await expect(cla).toHaveText('2,021 / 81.9');
  await page.goBack();
  await expect(page).toHaveURL(/#\/indicators$/);
  await expect(picker, 'the picker follows the address, not the last choice made in it').toHaveValue('Q1 2019/20');
  await expect(page.getByRole('heading', { name: 'Are we achieving our targets? (Q1 2019/20)' })).toBeVisible();
  await expect(cla).toHaveText('2,096 / 84.6');
  await page.goForward();
  await expect(picker).toHaveValue('Q1 2018/19');
  await expect(cla).toHaveText('2,021 / 81.9');
});

test('the overview drawn again after an indicator is the same, and after an edit shows the edit', async ({ app, page }) => {
  await app.open('#/indicators?period=Q1%202019%2F20');
  const cla = page.locator('tr[data-indicator="children-looked-after"] td').first();
  await expect(cla).toHaveText('2,096 / 84.6');
  const results = await page.getByTestId('results-line').innerText();
  const summaries = await page.getByTestId('area-summary').allInnerTexts();
  await page.locator('tr[data-indicator="children-looked-after"] a').first().click();
  await expect(app.heading).toHaveText(/Children Looked After/);
  await page.goBack();
  await expect(cla).toHaveText('2,096 / 84.6');
  await expect(page.getByTestId('results-line')).toHaveText(results);
  expect(await page.getByTestId('area-summary').allInnerTexts()).toEqual(summaries);

  // Within the same page, as a person goes: what the app keeps in memory stays.
  await page.evaluate(() => ((window as unknown as { sameVisit: boolean }).sameVisit = true));
  await page.getByTestId('enter-figures').click();
  const period = page.locator('#enter-period');
  await period.fill('Q1 2019/20');
  const box = page.locator('#enter-children-looked-after');
  await expect(box).toHaveValue('2,096 / 84.6');
  await box.fill('2,800 / 113.0');
  await page.getByRole('button', { name: 'Save figures' }).click();
  await expect(page).toHaveURL(/#\/indicators\?period=Q1%202019%2F20$/);
  await expect(cla, 'the edited data is worked out afresh').toHaveText('2,800 / 113.0');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(cla, 'and so is the data undone').toHaveText('2,096 / 84.6');
  expect(await page.evaluate(() => (window as unknown as { sameVisit?: boolean }).sameVisit), 'no reload in between').toBe(true);
});

test('tapping a count filters the list, and the filtered view can be shared by its address', async ({ app, page }) => {
  await app.open('#/indicators');
  await page.getByTestId('standing-counts').getByRole('link', { name: /Requires improvement/ }).click();
  await expect(page).toHaveURL(/rag=red/);
  await expect(page.getByTestId('results-line')).toContainText('Showing 2 indicators of 61.');
  await expect(page.locator('tr[data-indicator]')).toHaveCount(2);
  await expect(page.locator('tr[data-indicator="defects-2-days"]')).toBeVisible();
  const address = page.url();

  const other = await page.context().newPage();
  await other.goto(address);
  await expect(other.locator('tr[data-indicator]')).toHaveCount(2);
  await other.close();

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page.locator('tr[data-indicator]')).toHaveCount(61);
});

test('filters by service area, England and words, by keyboard alone', async ({ app, page }) => {
  await app.open('#/indicators');
  // The filters fold away under the counts; Enter on their summary opens them.
  await expect(page.getByLabel('Service area')).toBeHidden();
  await page.getByTestId('filters-toggle').focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Service area').selectOption({ label: "Children's Social Care" });
  await page.getByLabel('Worse than England only').check();
  await page.getByLabel('Search indicators').focus();
  await page.keyboard.type('plan');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/area=childrens-social-care&england=worse&q=plan/);
  await expect(page.locator('tr[data-indicator]')).toHaveCount(1);
  await expect(page.locator('tr[data-indicator="child-protection-plans"]')).toBeVisible();
  await app.expectNoAxeViolations();
});

test('an indicator’s page lists every figure with its rating and source', async ({ app, page }) => {
  await app.open('#/indicators');
  await page.locator('tr[data-indicator="children-looked-after"] a').click();
  await expect(app.heading).toHaveText('Rate of Children Looked After (CLA) number/per 10,000 (snapshot at period end)');
  const q1 = page.getByRole('row', { name: /^Q1 2019\/20/ });
  await expect(q1).toContainText('2,096 / 84.6 per 10,000');
  await expect(q1).toContainText('Quarterly Corporate Performance Monitoring Report – Quarter 1 2019/20');
  await expect(page.getByRole('region', { name: 'Comparators' })).toContainText('64.0');
  const chart = page.getByTestId('indicator-chart');
  await expect(chart.locator('figcaption')).toContainText('each quarter, with England average 64.0');
  await expect(chart.getByRole('img', { name: 'Line chart of 5 figures from Q1 2018/19 to Q1 2019/20.' })).toBeVisible();
  await expect(chart.locator('text.chart__value')).toHaveText(['2,021 / 81.9', '2,053 / 82.8', '2,083 / 84.0', '2,128 / 85.9', '2,096 / 84.6']);
  await app.expectNoAxeViolations();
});

test('entering next quarter’s figures updates ratings and direction, refuses what it cannot read, and can be undone', async ({ app, page }) => {
  await app.open('#/indicators');
  await page.getByTestId('enter-figures').click();
  await expect(app.heading).toHaveText('Enter figures');
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('Q2 2019/20');

  await page.getByLabel('Rate of Children Looked After (CLA) number/per 10,000 (snapshot at period end)').fill('2,150/ 86.8');
  await page.getByLabel('Average number of working days to repair a LCC street lighting fault (including traffic management)').fill('6.1');
  await page.getByLabel('Percentage of assessments completed during the year which took over 45 days').fill('forty');
  await page.getByRole('button', { name: 'Save figures' }).click();
  const summary = page.locator('#enter-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Percentage of assessments completed during the year which took over 45 days: “forty” is not a figure');
  await app.expectNoAxeViolations();
  expect(await stored(page), 'nothing saved').toBeNull();

  await page.getByLabel('Percentage of assessments completed during the year which took over 45 days').fill('16.0%');
  await page.getByRole('button', { name: 'Save figures' }).click();
  await expect(page).toHaveURL(/#\/indicators\?period=Q2%202019%2F20$/);
  await expect(page.getByTestId('statuses')).toContainText('Entered 3 figures for Q2 2019/20.');
  const cla = page.locator('tr[data-indicator="children-looked-after"]');
  await expect(cla).toContainText('2,150 / 86.8');
  await expect(cla).toContainText('Worsening');
  const lighting = page.locator('tr[data-indicator="street-lighting-repair-days"]');
  await expect(lighting.locator('td').filter({ hasText: '6.1' })).toContainText('Requires improvement');

  await page.reload();
  await expect(page.locator('tr[data-indicator="children-looked-after"]'), 'saved').toContainText('2,150 / 86.8');
  await page.goto('./#/enter');
  await expect(page.getByLabel('Period', { exact: true }), 'the next quarter is suggested').toHaveValue('Q3 2019/20');
  await page.getByLabel('Period', { exact: true }).fill('Q2 2019/20');
  await page.getByLabel('Period', { exact: true }).press('Tab');
  const claField = page.getByLabel('Rate of Children Looked After (CLA) number/per 10,000 (snapshot at period end)');
  await expect(claField, 'the held figure is filled in').toHaveValue('2,150 / 86.8');
  await claField.fill('2,160/ 87.2');
  await page.getByRole('button', { name: 'Save figures' }).click();
  await page.getByTestId('statuses').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('statuses')).toContainText('Undone: Entered 1 figure for Q2 2019/20.');
  await expect(page.locator('tr[data-indicator="children-looked-after"]')).toContainText('2,150 / 86.8');
});

test('figures can be entered with the keyboard alone', async ({ app, page }) => {
  await app.open('#/enter');
  await page.locator('#enter-period').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('#enter-contacts')).toBeFocused();
  await page.keyboard.type('9,800');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('statuses')).toContainText('Entered 1 figure for Q2 2019/20.');
  await expect(page.locator('tr[data-indicator="contacts"]')).toContainText('9,800');
});

test('figures go out to a spreadsheet and come back in, with bad rows refused by row and column', async ({ app, page }) => {
  await app.open('#/indicators');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(download.suggestedFilename()).toBe('lancashire-county-council-2019-06-30-figures.csv');
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\ufeffindicator_id,indicator,service_area,good_is,unit,period,value,numerator,denominator,missing_reason,england,region,statistical_neighbours,region_name,england_period,region_period,statistical_neighbours_period,target,target_rule,tolerance,green_within');
  expect(csv).toContain('children-looked-after,Rate of Children Looked After (CLA) number/per 10,000 (snapshot at period end)'.replace(/(.*?,)(.*)/, '$1"$2"'));

  await page.goto('./#/enter');
  const input = page.getByTestId('csv-input');
  const bad = 'indicator_id,period,value,numerator\nchildren-looked-after,Q2 2019/20,86.8,2150\nre-referrals,Q2 2019/20,lots,\n';
  await input.setInputFiles({ name: 'q2.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const refused = page.getByTestId('notices-from-csv');
  await expect(refused).toContainText('Could not open “q2.csv”: 1 row has a problem. Nothing has been changed.');
  await expect(refused.getByRole('listitem')).toHaveText(['Row 3, column value: “lots” is not a number']);
  expect(await stored(page)).toBeNull();

  const good = 'indicator_id,period,value,numerator\nchildren-looked-after,Q2 2019/20,86.8,2150\nre-referrals,Q2 2019/20,19.9,560\n';
  await input.setInputFiles({ name: 'q2.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  const preview = page.getByTestId('csv-preview');
  await expect(preview).toContainText('“q2.csv” changes 2 figures');
  await expect(preview.getByRole('row', { name: /Children Looked After/ })).toContainText('2,150 / 86.8');
  await app.expectNoAxeViolations();
  await page.getByTestId('confirm-csv').click();
  await expect(page.getByTestId('notices-from-csv')).toContainText('Opened 2 figures from “q2.csv”.');
  await page.goto('./#/indicators?period=Q2%202019%2F20');
  await expect(page.locator('tr[data-indicator="re-referrals"]')).toContainText('560 / 19.9%');
});

test('an officer sets a target and a rating by hand with a reason, and both show', async ({ app, page }) => {
  await app.open('#/indicators/children-looked-after');
  const form = page.getByTestId('indicator-form');
  await form.getByLabel('Target (optional)').fill('eighty');
  await form.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.locator('#indicator-errors')).toContainText('Enter the target as a number');
  await expect(form.getByLabel('Target (optional)')).toHaveAttribute('aria-invalid', 'true');
  expect(await stored(page), 'a refused form saves nothing').toBeNull();
  await page.locator('#indicator-errors a').first().click();
  await expect(form.getByLabel('Target (optional)'), 'the summary link moves focus, not the page').toBeFocused();
  await expect(page).toHaveURL(/#\/indicators\/children-looked-after$/);
  await form.getByLabel('Target (optional)').fill('80');
  await form.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.getByTestId('statuses')).toContainText("Saved the indicator's details.");
  await expect(page.getByRole('row', { name: /^Q1 2019\/20/ })).toContainText('Requires improvement');
  await expect(page.getByRole('row', { name: /^Q1 2018\/19/ })).toContainText('Slightly below desired level');

  const notes = page.getByTestId('period-form');
  await notes.getByLabel('Rating', { exact: true }).selectOption('amber');
  const before = await stored(page);
  await notes.getByRole('button', { name: 'Save rating and commentary' }).click();
  await expect(notes).toContainText('Give the reason for setting the rating by hand');
  expect(await stored(page), 'a refused rating saves nothing').toBe(before);
  await app.expectNoAxeViolations();
  await notes.getByLabel('Reason for the rating').fill('Family safeguarding model starts in Q2');
  await notes.getByLabel('Commentary').fill('The rate rose for a third quarter.');
  await notes.getByRole('button', { name: 'Save rating and commentary' }).click();
  await expect(page.getByRole('row', { name: /^Q1 2019\/20/ })).toContainText('Slightly below desired level (set by hand: Family safeguarding model starts in Q2)');
  await expect(page.locator('main')).toContainText('The rate rose for a third quarter.');

  await page.goto('./#/indicators');
  const cell = page.locator('tr[data-indicator="children-looked-after"] td').filter({ hasText: '2,096' });
  await expect(cell).toContainText('set by hand: Family safeguarding model starts in Q2');
});

test('an officer adds a service area and an indicator, then enters its first figure', async ({ app, page }) => {
  await app.open('#/enter');
  const area = page.getByTestId('area-form');
  await area.getByRole('button', { name: 'Save service area' }).click();
  await expect(area).toContainText("Enter the service area's name");
  expect(await stored(page), 'nothing saved').toBeNull();
  await area.getByLabel('Name').fill('Trading Standards');
  await area.getByLabel('Directorate (optional)').fill('Growth, Environment, Transport and Community Services');
  await area.getByRole('button', { name: 'Save service area' }).click();
  await expect(page.getByTestId('statuses')).toContainText('Added the service area “Trading Standards”.');

  const add = page.getByTestId('add-indicator');
  const beforeAdd = await stored(page);
  await add.getByRole('button', { name: 'Add indicator' }).click();
  await expect(add).toContainText('Choose what the figures measure');
  expect(await stored(page), 'a refused indicator saves nothing').toBe(beforeAdd);
  await app.expectNoAxeViolations();
  await add.getByLabel('Name').fill('Underage sales test purchases');
  await add.getByLabel('Service area').selectOption({ label: 'Trading Standards' });
  await add.getByLabel('Measured as').selectOption('count');
  await add.getByLabel('Good is').selectOption('none');
  await add.getByRole('button', { name: 'Add indicator' }).click();
  // The officer stays on the form, ready for the next, with the confirmation beside it.
  await expect(page.getByTestId('notices-add-indicator')).toContainText('Added “Underage sales test purchases” to Trading Standards.');
  await expect(add.getByLabel('Name')).toHaveValue('');
  await expect(add.getByLabel('Service area')).toHaveValue('trading-standards');

  await page.getByLabel('Underage sales test purchases').fill('42');
  await page.getByRole('button', { name: 'Save figures' }).click();
  await expect(page.locator('tr[data-indicator="underage-sales-test-purchases"]')).toContainText('42');
  await expect(page.getByRole('heading', { name: 'Trading Standards' })).toBeVisible();
});

test('a wide table scrolls only sideways, keeping the indicator names in view; the page scrolls down', async ({ app, page }) => {
  await app.open('#/indicators');
  const box = page.getByRole('region', { name: "Children's Social Care" });
  // No box of its own to trap a vertical swipe: the page scrolls instead.
  expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight), 'no vertical scroll inside the table').toBeLessThanOrEqual(1);
  const wide = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
  if (wide) {
    await box.evaluate((el) => el.scrollTo(400, 0));
    expect(await box.evaluate((el) => el.scrollLeft), 'earlier periods scroll sideways').toBeGreaterThan(0);
    const [boxAt, nameAt] = await Promise.all([box.boundingBox(), box.locator('tbody th').nth(5).boundingBox()]);
    expect(Math.abs(nameAt!.x - boxAt!.x), 'the indicator name stays at the left').toBeLessThan(2);
  }
});

test('the overview works from the keyboard alone: period, a count, an indicator', async ({ app, page }) => {
  await app.open('#/indicators');
  const picker = page.getByTestId('period-picker');
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/period=Q4%202018%2F19/);
  await expect(picker).toBeFocused();

  const worsening = page.getByTestId('travel-counts').getByRole('link', { name: /Worsening/ });
  await worsening.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/travel=worsening/);
  await expect(page.getByTestId('results-line')).toContainText('Showing');

  const first = page.locator('tr[data-indicator] a').first();
  const name = (await first.textContent())!;
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText(name);
  await expect(app.heading).toBeFocused();
});

test('a period the form cannot read is refused at the field and saves nothing', async ({ app, page }) => {
  await app.open('#/enter');
  const period = page.getByLabel('Period', { exact: true });
  await period.fill('June 2019');
  await period.press('Tab');
  await expect(page.locator('#enter-period-error')).toContainText('Figures are entered for a quarter such as Q2 2019/20 or a financial year such as 2019/20, not a month');
  await expect(period).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Number of contacts during the year').fill('9,800');
  await page.getByRole('button', { name: 'Save figures' }).click();
  await expect(period).toBeFocused();
  expect(await stored(page)).toBeNull();
  await app.expectNoAxeViolations();
});

test('a mistyped link says what it did not understand', async ({ app, page }) => {
  await app.open('#/indicators?period=Q9%202019%2F20&rag=purple');
  await expect(page.getByTestId('link-problem')).toHaveText(
    'This link asks for period “Q9 2019/20” and rag “purple”, which Scrutineer does not understand, so that part is ignored.',
  );
  await expect(page.getByTestId('period-picker')).toHaveValue('Q1 2019/20');
  await page.goto('./#/indicators?period=Q1%202030%2F31');
  await expect(page.getByTestId('link-problem')).toHaveText('No indicator has a figure for Q1 2030/31: choose another reporting period.');
  await page.goto('./#/indicators');
  await expect(page.getByTestId('link-problem')).toHaveCount(0);
});
