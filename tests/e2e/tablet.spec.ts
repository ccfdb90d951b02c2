// What a councillor and an officer do on a tablet, typed and swiped as a
// person does: tap a box and type (no select-all), swipe over what they read.
import { readFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, press, swipeUp, touch, stored, forget } from './fixtures';

const KEY = 'scrutineer.snapshot';

/** Empties a box as a person does: into it, to the end, then backspace. */
async function clearByHand(page: Page, box: Locator, info: TestInfo) {
  await press(box, info);
  await page.keyboard.press('End');
  const length = (await box.inputValue()).length;
  for (let i = 0; i < length; i++) await page.keyboard.press('Backspace');
  await expect(box).toHaveValue('');
}



test('correcting a held figure replaces it: the boxes show the figures once the period reads, and each change is listed before saving', async ({ app, page }, info) => {
  await app.open('#/enter');
  const period = page.locator('#enter-period');
  await expect(period).toHaveValue('Q2 2019/20');
  const cla = page.locator('#enter-children-looked-after');
  await expect(cla, 'nothing is held for Q2 2019/20').toHaveValue('');

  await clearByHand(page, period, info);
  await page.keyboard.type('Q1 2019/20');
  // Held figures show as soon as the period can be read, before any box is touched.
  await expect(cla).toHaveValue('2,096 / 84.6');
  await expect(page.getByTestId('pending-changes')).toContainText('No figure will change yet.');

  await press(cla, info);
  await page.keyboard.type('2,800 / 113.0');
  await expect(cla, 'typing replaces the held figure, never adds to it').toHaveValue('2,800 / 113.0');
  await expect(page.locator('#enter-children-looked-after-change')).toHaveText('Changes 2,096 / 84.6 to 2,800 / 113.0');

  // A count, corrected the same way.
  const countId = await page.evaluate(() => {
    const box = [...document.querySelectorAll<HTMLInputElement>('input.input--figure')].find((b) => /^\d[\d,]*$/.test(b.value));
    return box?.id ?? '';
  });
  expect(countId, 'a count is held for Q1 2019/20').not.toBe('');
  const count = page.locator(`#${countId}`);
  const held = await count.inputValue();
  await press(count, info);
  await page.keyboard.type('260');
  await expect(count).toHaveValue('260');
  await expect(page.locator(`#${countId}-change`)).toHaveText(`Changes ${held} to 260`);
  await expect(page.getByTestId('pending-changes')).toContainText('Saving will change 2 figures');

  await page.getByRole('button', { name: 'Save figures' }).click();
  await expect(page).toHaveURL(/#\/indicators\?period=Q1%202019%2F20$/);
  await expect(page.locator('tr[data-indicator="children-looked-after"] td').first()).toHaveText('2,800 / 113.0');
  const saved = JSON.parse((await stored(page))!);
  const indicator = saved.snapshot.indicators.find((i: { id: string }) => i.id === countId.replace(/^enter-/, ''));
  const figure = indicator.values.find((v: { period: string }) => v.period === 'Q1 2019/20');
  expect(figure.value.value, 'the count is 260, not the old figure with 260 after it').toBe(260);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.locator('tr[data-indicator="children-looked-after"] td').first()).toHaveText('2,096 / 84.6');
});

test('reading the matrix never moves a risk; moving one needs Edit positions, which this device remembers', async ({ app, page }, info) => {
  await app.open('#/risks');
  const switcher = page.getByTestId('edit-positions');
  await expect(switcher, 'read-only by default').toHaveAttribute('aria-checked', 'false');
  const marker = page.getByTestId('matrix-risks').locator('[data-entry="CR2"]').first();
  await marker.scrollIntoViewIfNeeded();
  const box = (await marker.boundingBox())!;
  const before = await page.evaluate(() => scrollY);

  if (touch(info)) {
    // A swipe that starts on a marker scrolls the page, as on any page.
    await swipeUp(page, box);
    await expect.poll(() => page.evaluate(() => scrollY), { message: 'the page scrolled' }).toBeGreaterThan(before + 100);
  } else {
    // A mouse pressed on a marker and dragged across the grid moves nothing.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y - 150, { steps: 8 });
    await page.mouse.up();
  }
  await expect(page.getByTestId('move-panel-risks')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/risks$/);
  expect(await stored(page), 'nothing was saved').toBeNull();

  // The arrow keys say how to move instead of moving.
  await marker.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('move-panel-risks')).toHaveCount(0);
  await expect(page.getByTestId('matrix-risks').locator('[role="status"]')).toHaveText(
    'To move markers, turn on Edit positions in the residual score view.',
  );

  await press(switcher, info);
  await expect(switcher).toHaveAttribute('aria-checked', 'true');
  await expect(switcher).toContainText('On');
  await expect(page.getByTestId('matrix-risks')).toContainText('Editing positions: drag a marker');
  await page.reload();
  await expect(page.getByTestId('edit-positions'), 'remembered on this device').toHaveAttribute('aria-checked', 'true');
  // Off again forgets it; on again for the move.
  await press(page.getByTestId('edit-positions'), info);
  await expect(page.getByTestId('edit-positions')).toHaveAttribute('aria-checked', 'false');
  expect(await page.evaluate(() => localStorage.getItem('scrutineer.edit-positions'))).toBeNull();
  await press(page.getByTestId('edit-positions'), info);
  await expect(page.getByTestId('edit-positions')).toHaveAttribute('aria-checked', 'true');

  const movable = page.getByTestId('matrix-risks').locator('[data-entry="CR2"]').first();
  if (touch(info)) {
    // The same swipe now drags the marker: the switch is what made the difference.
    await movable.scrollIntoViewIfNeeded();
    await swipeUp(page, (await movable.boundingBox())!);
    await expect(page.getByTestId('move-panel-risks')).toContainText('Move CR2 from 12');
  } else {
    await movable.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('move-panel-risks')).toContainText('Move CR2 from 12');
  }
  await page.getByTestId('move-panel-risks').getByRole('button', { name: 'Cancel' }).click();
  await expect(movable, 'focus goes back to the marker').toBeFocused();
  expect(await stored(page), 'a cancelled move saves nothing').toBeNull();
  await app.expectNoAxeViolations();
});

test('a new council goes from an empty workspace to its first indicator and figure without typing an address', async ({ app, page }, info) => {
  await app.open('#/data');
  await press(page.getByTestId('start-empty'), info);
  await press(page.getByRole('button', { name: 'Clear and start empty' }), info);
  // Refused until the new pack is named; nothing changed.
  await expect(page.locator('#empty-errors')).toBeFocused();
  await expect(page.locator('#empty-errors')).toContainText("Enter the council's name");
  await expect(page.locator('#empty-errors')).toContainText("Enter the pack's title");
  expect(await stored(page)).toBeNull();
  await expect(page.getByTestId('organisation')).toHaveText('Lancashire County Council');

  await press(page.locator('#empty-organisation'), info);
  await page.keyboard.type('Anytown Borough Council');
  await press(page.locator('#empty-title'), info);
  await page.keyboard.type('Overview and Scrutiny Committee');
  await press(page.getByRole('button', { name: 'Clear and start empty' }), info);
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  await expect(page.getByTestId('pack-title')).toHaveText('Overview and Scrutiny Committee');
  const started = page.getByTestId('started-empty');
  await expect(started.getByRole('heading')).toBeFocused();
  await expect(started).toContainText('Started an empty workspace for Anytown Borough Council');

  // The empty dashboard leads on too.
  await press(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Indicators' }), info);
  await expect(page.getByTestId('empty-state')).toContainText('The open snapshot holds no performance indicators.');
  await press(page.getByTestId('getting-started').getByRole('link', { name: 'Add service areas and indicators' }), info);
  await expect(page).toHaveURL(/#\/enter$/);
  await expect(page.getByTestId('enter-empty')).toBeVisible();

  // One form adds the indicator, its new service area and its target.
  await press(page.getByLabel('Name', { exact: true }).first(), info);
  await page.keyboard.type('Household waste recycled');
  await page.getByLabel('Service area').first().selectOption({ label: 'A new service area…' });
  await press(page.getByLabel('Name of the new service area'), info);
  await page.keyboard.type('Waste');
  await page.getByLabel('Measured as').selectOption({ label: 'percentage' });
  await page.getByLabel('Good is').selectOption('high');
  await press(page.getByLabel('Target (optional)'), info);
  await page.keyboard.type('50%');
  await press(page.getByRole('button', { name: 'Add indicator' }), info);
  await expect(page.getByTestId('notices-add-indicator')).toContainText('Added “Household waste recycled” to Waste.');
  await expect(page.locator('#new-name'), 'ready for the next one').toBeFocused();
  await expect(page.locator('#new-name')).toHaveValue('');
  await expect(page.locator('#new-area')).toHaveValue('waste');

  // Its figure, entered above, is rated against the target.
  const period = page.locator('#enter-period');
  await clearByHand(page, period, info);
  await page.keyboard.type('Q2 2026/27');
  await press(page.locator('#enter-household-waste-recycled'), info);
  await page.keyboard.type('47.6%');
  await expect(page.locator('#enter-household-waste-recycled-change')).toHaveText('New figure: 47.6%');
  await press(page.getByRole('button', { name: 'Save figures' }), info);
  const row = page.locator('tr[data-indicator="household-waste-recycled"]');
  await expect(row.locator('td').first()).toContainText('47.6%');
  await expect(row.locator('td').first()).toContainText('Slightly below desired level');

  // The next copy is named after the new council.
  await app.open('#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a copy' }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^anytown-borough-council-/);
  await app.expectNoAxeViolations();
});

test('the first screen holds content: the first table and the matrix start in it, the chosen period beside each name', async ({ app, page }) => {
  const { width, height } = page.viewportSize()!;
  await app.open('#/indicators');
  const firstRow = page.locator('table.table--indicators tbody tr').first();
  const rowBox = (await firstRow.boundingBox())!;
  expect(rowBox.y + rowBox.height, 'the first row is on the first screen').toBeLessThanOrEqual(height);
  const chosen = firstRow.locator('td').first();
  const chosenBox = (await chosen.boundingBox())!;
  expect(chosenBox.x + chosenBox.width, 'the chosen period needs no sideways swipe').toBeLessThanOrEqual(width);
  await expect(page.locator('table.table--indicators thead th').nth(1)).toHaveText('Q1 2019/20');
  // No table traps a swipe inside a box of its own.
  const trapped = await page.evaluate(() =>
    [...document.querySelectorAll('.table-scroll')].filter((el) => el.scrollHeight > el.clientHeight + 1).length,
  );
  expect(trapped).toBe(0);

  await app.open('#/risks');
  const grid = (await page.getByTestId('matrix-risks').locator('.matrix__grid').boundingBox())!;
  expect(grid.y, 'the matrix starts on the first screen').toBeLessThan(height - 200);
});

test('a tapped count or matrix cell brings its result into view', async ({ app, page }, info) => {
  const { height } = page.viewportSize()!;
  await app.open('#/indicators');
  await press(page.getByTestId('standing-counts').getByRole('link', { name: /Requires improvement/ }), info);
  await expect(page).toHaveURL(/rag=red/);
  const results = page.getByTestId('results-line');
  await expect(results).toBeFocused();
  await expect(results).toContainText('Showing 2 indicators of 61.');
  const box = (await results.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(height / 2);

  await app.open('#/risks');
  await press(page.getByTestId('matrix-risks').locator('[data-cell="4-3"] .matrix__cell-link'), info);
  await expect(page).toHaveURL(/cell=4-3/);
  const register = page.getByTestId('register-results');
  await expect(register).toBeFocused();
  const at = (await register.boundingBox())!;
  expect(at.y).toBeGreaterThanOrEqual(0);
  expect(at.y).toBeLessThan(height / 2);
});

test('what happens to a chosen file is said beside it; an opened file offers the pack and needs no download', async ({ app, page }) => {
  await app.open('#/data');
  const input = page.getByLabel('Choose a Scrutineer snapshot (.json)');
  await input.setInputFiles({ name: 'q2-figures.csv', mimeType: 'text/csv', buffer: Buffer.from('indicator_id,period,value\n') });
  const here = page.getByTestId('notices-open-file');
  await expect(here).toContainText('Could not open “q2-figures.csv”: it is a spreadsheet (CSV), not a Scrutineer snapshot.');
  await expect(here).toContainText('Enter figures page');
  await expect(here.locator('.message')).toBeFocused();
  await expect(page.getByTestId('alerts'), 'not at the top, far from the file').toHaveText('');

  // A second refusal replaces the first.
  await input.setInputFiles({ name: 'note.json', mimeType: 'application/json', buffer: Buffer.from('Dear councillor, ...') });
  await expect(here.locator('.message')).toHaveCount(1);
  await expect(here).toContainText('Could not open “note.json”');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a copy' }).first().click()]);
  const file = readFileSync(await download.path());
  await forget(page);
  await page.reload();
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles({ name: 'lancashire.json', mimeType: 'application/json', buffer: file });
  await page.getByTestId('confirm-import').click();
  await expect(here).toContainText('Opened “lancashire.json”');
  await expect(page.getByTestId('export-reminder'), 'what is open is the file just opened').toHaveCount(0);
  await here.getByRole('button', { name: 'Go to the pack' }).click();
  await expect(page).toHaveURL(/#\/indicators$/);
  await expect(app.heading).toHaveText('Performance indicators');
});

test('every file input on every page lists MIME types beside its extensions, so iPadOS does not grey files out', async ({ app, page }) => {
  // iPadOS's Files picker greys out files when `accept` lists only extensions.
  const mime: Record<string, string> = {
    '.json': 'application/json',
    '.csv': 'text/csv',
    '.tsv': 'text/tab-separated-values',
    '.txt': 'text/plain',
    '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.xlsm': 'application/vnd.ms-excel.sheet.macroEnabled.12',
  };
  const pages = [
    '#/briefing', '#/indicators', '#/indicators/children-looked-after', '#/enter', '#/risks', '#/risks/CR1', '#/risks/new',
    '#/risks/bands', '#/complaints', '#/complaints/figures', '#/complaints/cases', '#/pack', '#/data',
    '#/data/bring-in', '#/help', '#/accessibility',
  ];
  const seen: string[] = [];
  for (const fragment of pages) {
    await app.open(fragment);
    const accepts = await page.locator('input[type="file"]').evaluateAll((inputs) =>
      inputs.map((input) => `${input.id} ${input.getAttribute('accept') ?? ''}`),
    );
    for (const entry of accepts) {
      const [id, accept] = entry.split(' ');
      const types = accept.split(',').map((t) => t.trim());
      seen.push(`${fragment} ${id}`);
      expect(types.filter((t) => t.includes('/')), `${fragment} #${id} lists a MIME type`).not.toEqual([]);
      for (const extension of types.filter((t) => t.startsWith('.'))) {
        expect(mime[extension], `${fragment} #${id}: a MIME type for ${extension} is known`).toBeDefined();
        expect(types, `${fragment} #${id} lists ${mime[extension]} for ${extension}`).toContain(mime[extension]);
      }
    }
  }
  // The snapshot, the figures CSV, the case list and the three bring-in parts.
  expect(seen.length, seen.join('\n')).toBeGreaterThanOrEqual(6);
});
