import { test, expect, stored } from './fixtures';
import type { Page, Locator } from '@playwright/test';


const risks = (page: Page) => page.getByTestId('matrix-risks');
const cell = (page: Page, at: string) => risks(page).locator(`.matrix__grid [data-cell="${at}"]`);
const marker = (page: Page, id: string) => risks(page).locator(`.matrix__grid [data-entry="${id}"]`);

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags `from` onto `to` the way this device would: a finger on a tablet, a mouse on a desktop. */
async function drag(page: Page, from: Locator, to: Locator, touch: boolean) {
  await from.scrollIntoViewIfNeeded();
  const a = await centre(from);
  const b = await centre(to);
  const steps = 8;
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    const point = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y), id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(a.x, a.y) });
    for (let i = 1; i <= steps; i++) {
      const x = a.x + ((b.x - a.x) * i) / steps;
      const y = a.y + ((b.y - a.y) * i) / steps;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } else {
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps });
    await page.mouse.up();
  }
}

/** An officer turns on "Edit positions", without which no marker moves. */
async function editPositions(page: Page) {
  const switcher = page.getByTestId('edit-positions');
  await switcher.click();
  await expect(switcher).toHaveAttribute('aria-checked', 'true');
}

test('the register opens on Q2 2019/20 with its matrices, changes and register, and passes axe', async ({ app, page }) => {
  await app.open('#/risks');
  await expect(page.getByTestId('quarter-picker')).toHaveValue('Q2 2019/20');
  // Residual scores: seven risks at 12 (Major/Possible), three at 16 (Major/Likely).
  await expect(cell(page, '4-3').locator('.matrix__count')).toHaveText('7');
  await expect(cell(page, '4-3').getByRole('link', { name: /score 12, Medium\. 7 risks/ })).toBeVisible();
  await expect(cell(page, '4-4').locator('[data-entry]')).toHaveText(['CR1', 'CR4', 'CR10']);
  await expect(page.getByTestId('matrix-opportunities').locator('[data-cell="5-3"] [data-entry]')).toHaveText(['CO2', 'CO4']);
  await expect(risks(page).getByTestId('unscored')).toHaveText('No residual score: CR6, CR11.');
  const changes = page.getByTestId('changes');
  await expect(changes.getByRole('heading', { name: 'What changed since Q2 2018/19' })).toBeVisible();
  await expect(changes.getByTestId('changes-down').getByRole('listitem')).toHaveText([
    'CR2 Protect and safeguard children: down from 16 to 12 (Major/Possible)',
    'CR9, was CR8: Delivering a statutory service for children and young people with special educational needs and/or disabilities: down from 16 to 12 (Major/Possible)',
  ]);
  await expect(changes.getByTestId('changes-new').getByRole('link')).toHaveText(['CR4', 'CR11', 'CR12', 'CO3', 'CO4']);
  await expect(changes.getByTestId('changes-reworked').getByRole('listitem')).toHaveText([
    'CR1 Reshaping the County Council (previously “Delivering the Operational Plan to ensure a strong and sustainable County Council”)',
    'CR5, was CR4: Recruit and retain experienced staff across the organisation (previously “Recruit and retain experienced staff within Children\'s Services”), down from 16 to 12 (Major/Possible)',
  ]);
  await expect(changes.getByTestId('changes-left').getByRole('link')).toHaveText(['CR9', 'CR10', 'CR12', 'CO3']);
  await expect(changes.getByTestId('changes-left')).toContainText('CR9 in Q2 2018/19: Discharge of patients from hospital');
  await expect(changes.getByTestId('changes-renumbered').getByRole('link')).toHaveText(['CR6', 'CR7', 'CR8', 'CR10']);
  await expect(changes.getByTestId('changes-renumbered')).toContainText('CR6, was CR5: Managing our data well');
  await expect(page.getByTestId('register-results')).toHaveText('Showing 16 entries of 16.');
  await app.expectNoAxeViolations();
});

test('what changed lists every entry once, and says how entries are matched', async ({ app, page }) => {
  await app.open('#/risks');
  const changes = page.getByTestId('changes');
  await expect(changes.getByRole('heading', { name: 'What changed since Q2 2018/19' })).toBeVisible();
  const lists = ['changes-new', 'changes-reworked', 'changes-left', 'changes-up', 'changes-down', 'changes-renumbered', 'changes-unchanged'];
  const refs = (list: string) => changes.getByTestId(list).getByRole('link');
  // The new CR4 and CR9 are other risks than the old CR4 and CR9: the old CR4 is the re-worked CR5,
  // the old CR8 is the new CR9, and the old CR9 (hospital discharge) has left.
  await expect(refs('changes-new')).toHaveText(['CR4', 'CR11', 'CR12', 'CO3', 'CO4']);
  await expect(refs('changes-reworked')).toHaveText(['CR1', 'CR5']);
  await expect(refs('changes-left')).toHaveText(['CR9', 'CR10', 'CR12', 'CO3']);
  await expect(refs('changes-up')).toHaveCount(0);
  await expect(changes.getByTestId('changes-up')).toContainText('None.');
  await expect(refs('changes-down')).toHaveText(['CR2', 'CR9']);
  await expect(refs('changes-renumbered')).toHaveText(['CR6', 'CR7', 'CR8', 'CR10']);
  await expect(refs('changes-unchanged')).toHaveText(['CR3', 'CO1', 'CO2']);
  await expect(changes).toContainText('5 new, 2 re-worked, 4 no longer on the register, 0 scores up, 2 down, 4 renumbered, 3 unchanged.');

  // Every entry of Q2 2019/20 is in exactly one list other than "no longer on the register".
  const now: string[] = [];
  for (const list of lists.filter((l) => l !== 'changes-left')) now.push(...(await refs(list).allTextContents()));
  expect([...now].sort()).toEqual(
    ['CR1', 'CR2', 'CR3', 'CR4', 'CR5', 'CR6', 'CR7', 'CR8', 'CR9', 'CR10', 'CR11', 'CR12', 'CO1', 'CO2', 'CO3', 'CO4'].sort(),
  );
  // A reference in two lists is only ever today's entry and one that has left, named with its quarter.
  const gone = await refs('changes-left').allTextContents();
  const twice = now.filter((ref) => gone.includes(ref));
  expect(twice.sort()).toEqual(['CO3', 'CR10', 'CR12', 'CR9']);
  const leftItems = changes.getByTestId('changes-left').getByRole('listitem');
  await expect(leftItems).toHaveText([
    'CR9 in Q2 2018/19: Discharge of patients from hospital into their own home or enablement/short term care in a safe and timely manner',
    'CR10 in Q2 2018/19: Adult social care provision is adequate and responsive to meet current and future demand',
    /^CR12 in Q2 2018\/19: Unlawful disclosure of personal or commercial data/,
    'CO3 in Q2 2018/19: Develop and implement improved recruitment and retention practices to address increasing challenges',
  ]);
  for (const list of lists.filter((l) => l !== 'changes-left')) {
    await expect(changes.getByTestId(list), `${list} names no entry as of Q2 2018/19`).not.toContainText('in Q2 2018/19:');
  }

  // The rule is printed as the code applies it.
  const rule = changes.getByTestId('changes-rule');
  await expect(rule).toContainText('a risk only ever matches a risk, and an opportunity an opportunity');
  await expect(rule).toContainText(
    '1. The same entry: the titles match, ignoring case, spacing and a full stop, comma, colon or semicolon at the end, under the same reference or, failing that, another one (renumbered).',
  );
  await expect(rule).toContainText('2. Re-worked: of the entries left, more than half the significant words of the shorter title are in the other');
  await expect(rule).toContainText('single letters and these words do not count: across, an, and, are,');

  // An entry that has left opens at its own quarter, not as today's entry under that reference.
  await refs('changes-left').filter({ hasText: 'CR9' }).click();
  await expect(page).toHaveURL(/#\/risks\/CR9\?quarter=Q2%202018%2F19$/);
  await expect(app.heading).toContainText('Risk CR9, Q2 2018/19');
  await expect(app.heading).toContainText('Discharge of patients from hospital');
  await app.expectNoAxeViolations();
});

test('the matrix has a table of the same entries, and the inherent view moves every marker', async ({ app, page }) => {
  await app.open('#/risks');
  await risks(page).getByText('The risks matrix as a table').click();
  const table = page.getByTestId('matrix-table-risks');
  const row = table.getByRole('row', { name: /4 Major/ });
  await expect(row.getByRole('cell').nth(2)).toHaveText('12 Medium: CR2, CR3, CR5, CR7, CR8, CR9, CR12');
  await page.getByTestId('layer-switch').getByRole('link', { name: 'Inherent score' }).click();
  await expect(page).toHaveURL(/show=inherent/);
  await expect(cell(page, '5-5').locator('[data-entry]')).toHaveText(['CR9']);
  await expect(risks(page).getByTestId('unplaced')).toContainText('CR1 (20)');
  await page.getByLabel('Arrows').selectOption('mitigation');
  await expect(risks(page).locator('line.matrix__arrow')).toHaveCount(5);
  await app.expectNoAxeViolations();
});

test('dragging a marker to a new cell asks why, moves it, records the reason, and can be undone', async ({ app, page }, testInfo) => {
  const touch = !!testInfo.project.use.hasTouch;
  await app.open('#/risks');
  await editPositions(page);
  await drag(page, marker(page, 'CR1'), cell(page, '4-2'), touch);
  const panel = page.getByTestId('move-panel-risks');
  await expect(panel.getByRole('heading')).toHaveText('Move CR1 from 16 (Major/Likely) to 8 (Major/Unlikely)?');
  await expect(page.getByLabel('Reason for the move')).toBeFocused();
  await panel.getByRole('button', { name: 'Move CR1' }).click();
  await expect(panel.locator('.error-message')).toContainText('Say why CR1 moved');
  expect(await stored(page), 'a move without a reason saves nothing').toBeNull();
  await expect(cell(page, '4-4').locator('[data-entry]'), 'nothing moved yet').toHaveText(['CR1', 'CR4', 'CR10']);
  await page.getByLabel('Reason for the move').fill('New workforce plan agreed by Cabinet');
  await panel.getByRole('button', { name: 'Move CR1' }).click();
  await expect(cell(page, '4-2').locator('[data-entry]')).toHaveText(['CR1']);
  await expect(cell(page, '4-4').locator('[data-entry]')).toHaveText(['CR4', 'CR10']);
  const status = page.getByRole('status').filter({ hasText: 'Moved CR1 to 8 (Major/Unlikely).' });
  await expect(status).toBeVisible();
  await expect(page.getByTestId('table-risks').getByRole('row', { name: /CR1 / })).toContainText('8 (Major/Unlikely)');

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(cell(page, '4-4').locator('[data-entry]')).toHaveText(['CR1', 'CR4', 'CR10']);
  await expect(cell(page, '4-2').locator('[data-entry]')).toHaveCount(0);
  await page.reload();
  await expect(cell(page, '4-4').locator('[data-entry]'), 'the undo was saved').toHaveText(['CR1', 'CR4', 'CR10']);
});

test('a marker moves by keyboard, and the reason lands in the entry’s history', async ({ app, page }) => {
  await app.open('#/risks');
  await editPositions(page);
  await marker(page, 'CR10').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await expect(cell(page, '3-3')).toHaveClass(/matrix__cell--target/);
  await page.keyboard.press('Escape');
  await expect(cell(page, '3-3')).not.toHaveClass(/matrix__cell--target/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('move-panel-risks').getByRole('heading')).toHaveText('Move CR10 from 16 (Major/Likely) to 12 (Moderate/Likely)?');
  await expect(page.getByLabel('Reason for the move')).toBeFocused();
  await page.keyboard.type('Troubled Families funding confirmed');
  await page.keyboard.press('Enter');
  await expect(cell(page, '3-4').locator('[data-entry]')).toHaveText(['CR10']);
  await expect(marker(page, 'CR10')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/risks\/CR10$/);
  await expect(page.getByTestId('history')).toContainText('Residual score moved from 16 (Major/Likely) to 12 (Moderate/Likely). Reason: Troubled Families funding confirmed');
  await app.expectNoAxeViolations();
});

test('tapping a cell filters the register to it, and a full cell lists every entry', async ({ app, page }) => {
  await app.open('#/risks');
  await cell(page, '4-4').getByRole('link', { name: /score 16/ }).click();
  await expect(page).toHaveURL(/kind=risk&cell=4-4/);
  await expect(page.getByTestId('register-results')).toContainText('Showing 3 entries of 16.');
  await expect(page.getByTestId('table-risks').locator('tbody th')).toHaveText(['CR1', 'CR4', 'CR10']);
  await expect(page.getByTestId('cell-filter')).toContainText('risks in the cell impact 4, likelihood 4');
  await cell(page, '4-3').getByRole('link', { name: '4 more in this cell: show them all' }).click();
  await expect(page.getByTestId('chosen-cell-risks').locator('[data-entry]')).toHaveText(['CR2', 'CR3', 'CR5', 'CR7', 'CR8', 'CR9', 'CR12']);
  await expect(page.getByTestId('register-results')).toContainText('Showing 7 entries of 16.');
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('register-results')).toHaveText('Showing 16 entries of 16.');
});

test('the register filters by owner and words, and sorts by reference', async ({ app, page }) => {
  await app.open('#/risks');
  await page.getByLabel('Owner').selectOption("Director of Children's Services");
  await page.getByLabel('Order').selectOption('id');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('table-risks').locator('tbody th')).toHaveText(['CR2', 'CR3', 'CR4']);
  await page.getByLabel('Owner').selectOption('');
  await page.getByLabel('Search').fill('ICT');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('table-risks').locator('tbody th')).toHaveText(['CR11']);
  await expect(page).toHaveURL(/q=ICT/);
});

test('four bands instead of three: every view follows, and a gap is refused at its field', async ({ app, page }) => {
  await app.open('#/risks/bands');
  await page.getByRole('button', { name: 'Use 1-3, 4-6, 8-12, 15-25' }).click();
  await page.locator('#appetite').fill('12');
  await page.getByRole('button', { name: 'Save the risk bands' }).click();
  await expect(page.getByTestId('notices-bands-saved')).toContainText('Saved the risk score bands.');
  const saved = await stored(page);
  expect(saved, 'the four bands were saved').toContain('"Very high"');
  await page.locator('#band-2-min').fill('5');
  await page.getByRole('button', { name: 'Save the risk bands' }).click();
  const summary = page.locator('#bands-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Score 4 is in no band');
  expect(await stored(page), 'a refused band setting leaves storage as it was').toBe(saved);
  await app.open('#/risks');
  await expect(cell(page, '4-3').locator('.matrix__band')).toHaveText('High');
  await expect(cell(page, '2-2').locator('.matrix__band')).toHaveText('Medium');
  await expect(risks(page).locator('path.matrix__appetite')).toHaveCount(1);
  await expect(risks(page).getByText('Risk appetite: residual score 12.')).toBeVisible();
});

test('opportunities are coloured so that high is good, and take bands of their own', async ({ app, page }) => {
  await app.open('#/risks');
  const opportunities = page.getByTestId('matrix-opportunities');
  const risk = (at: string) => cell(page, at);
  const opportunity = (at: string) => opportunities.locator(`.matrix__grid [data-cell="${at}"]`);
  await expect(risk('4-4'), 'a high risk is red').toHaveClass(/cell--red/);
  await expect(opportunity('4-4'), 'a high opportunity is not the risks’ red').toHaveClass(/cell--green/);
  await expect(opportunity('4-4').locator('.matrix__band')).toHaveText('High');
  await expect(opportunities.locator('.matrix-key')).toContainText('High scores 15 to 25');

  await app.open('#/risks/bands?for=opportunities');
  await expect(page.getByRole('heading', { name: 'Bands for opportunities' })).toBeVisible();
  await expect(page.locator('#appetite'), 'the appetite is for risks').toHaveCount(0);
  await page.locator('#band-1-tone').selectOption('yellow');
  await page.getByRole('button', { name: 'Save the opportunity bands' }).click();
  await expect(page.getByTestId('notices-bands-saved')).toContainText('Saved the opportunity score bands.');
  const saved = JSON.parse((await stored(page))!);
  expect(saved.snapshot.settings.opportunity_bands[0].tone).toBe('yellow');
  await app.expectNoAxeViolations();

  await app.open('#/risks');
  await expect(opportunity('1-2')).toHaveClass(/cell--yellow/);
  await expect(risk('1-2'), 'the risks keep theirs').toHaveClass(/cell--green/);
});

test('an entry is added with checks at each field, then retired and kept in history', async ({ app, page }) => {
  await app.open('#/risks');
  await page.getByTestId('add-entry').click();
  await expect(app.heading).toHaveText('Add a risk or opportunity');
  await page.getByLabel('Reference').fill('CR2');
  await page.getByLabel('Title', { exact: true }).fill('Cyber attack on council systems');
  const residual = page.getByRole('textbox', { name: /^Residual score \(after actions\)/ });
  await expect(page.getByLabel('Reason for the change'), 'a new entry has no change to explain').toHaveCount(0);
  await residual.fill('16 (Major/Possible)');
  await page.getByRole('button', { name: 'Add to the register' }).click();
  const summary = page.locator('#new-entry-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('CR2 is already on the register');
  await expect(summary).toContainText('says 16, but 4 x 3 is 12');
  expect(await stored(page), 'a refused entry saves nothing').toBeNull();
  await summary.getByRole('link', { name: /says 16/ }).click();
  await expect(residual).toBeFocused();
  // Choosing impact and likelihood writes the score as packs print it.
  await page.getByRole('combobox', { name: 'Residual score (after actions): Impact' }).selectOption({ label: '4 Major' });
  await page.getByRole('combobox', { name: 'Residual score (after actions): Likelihood' }).selectOption({ label: '3 Possible' });
  await expect(residual).toHaveValue('12 (Major/Possible)');
  await page.getByLabel('Reference').fill('CR13');
  await page.getByLabel('Owner').fill('Director of Digital');
  await page.getByRole('button', { name: 'Add to the register' }).click();
  await expect(page).toHaveURL(/#\/risks\/CR13$/);
  await expect(app.heading).toContainText('Cyber attack on council systems');

  await page.getByLabel('Reason', { exact: true }).fill('Replaced by CR7');
  await page.getByRole('button', { name: 'Retire CR13' }).click();
  await expect(page.getByTestId('retired-note')).toContainText('off the register from Q3 2019/20. Reason: Replaced by CR7');
  await expect(page.getByTestId('history')).toContainText('Retired: off the register from Q3 2019/20');
  await app.open('#/risks');
  await expect(page.getByTestId('table-risks').locator('tbody th'), 'still on the Q2 2019/20 register').toContainText(['CR13']);
  await expect(page.getByTestId('retired')).toContainText('CR13 Cyber attack on council systems: off the register from Q3 2019/20. Reason: Replaced by CR7');
  await page.getByTestId('quarter-picker').selectOption('Q2 2018/19');
  await expect(page.getByTestId('table-risks').locator('tbody th')).not.toContainText(['CR13']);
  await app.expectNoAxeViolations();
});

test('a mistyped or out-of-date register link says what it ignored', async ({ app, page }) => {
  await app.open('#/risks?quarter=Q4%202020%2F21&show=sideways&band=High');
  await expect(page.getByTestId('link-problem')).toHaveText(
    'This link asks for show “sideways”, which Scrutineer does not understand, so that part is ignored. The register has no assessments for Q4 2020/21: showing the latest quarter instead.',
  );
  await expect(page.getByTestId('quarter-picker')).toHaveValue('Q2 2019/20');
  await expect(page.getByTestId('register-results')).toContainText('Showing 6 entries of 16.');
});
