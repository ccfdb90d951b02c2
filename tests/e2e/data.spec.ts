import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Page } from '@playwright/test';
import { test, expect, storageState, stored } from './fixtures';

const corpus = join(process.cwd(), 'tests/bad-files');
const expected: Record<string, string[]> = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8'));
const KEY = 'scrutineer.snapshot';

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer,
  });
}

async function saveOrganisation(page: Page, name: string) {
  await page.getByLabel('Organisation', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText(name);
}

test('a good file is previewed, opened, and the import can be undone', async ({ app, page }) => {
  await app.open('#/data');
  await chooseFile(page, 'anytown.json', readFileSync(join(corpus, 'good.json')));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Anytown Borough Council');
  await expect(preview).toContainText('2 indicators in 1 service area, 1 risk, 0 opportunities, complaints 2017/18');
  await expect(preview).toContainText('replaces what is open now (Lancashire County Council, as at 30 June 2019)');
  await expect(page.getByTestId('organisation'), 'nothing replaced before confirming').toHaveText('Lancashire County Council');
  await app.expectNoAxeViolations();

  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  await expect(page.getByTestId('notices-open-file')).toContainText('Opened “anytown.json”: Anytown Borough Council, as at 30 June 2019.');
  await expect(page.getByTestId('what-is-open')).toContainText('2 indicators in 1 service area');

  await page.reload();
  await expect(page.getByTestId('organisation'), 'the import was saved').toHaveText('Anytown Borough Council');
  await page.goto('./#/data');
  await chooseFile(page, 'anytown.json', readFileSync(join(corpus, 'good.json')));
  await page.getByTestId('confirm-import').click();
  await page.getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  await expect(page.getByTestId('statuses')).toContainText('Import undone');
});

test('every bad file is refused with its message, and storage stays byte-identical', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open('#/data');
  await saveOrganisation(page, 'Keep Me Council');
  const before = await storageState(page);
  expect(before[KEY], 'the edit was saved').toContain('Keep Me Council');

  // Each refusal is said beside the file input, replacing the one before.
  const alerts = page.getByTestId('notices-open-file');
  for (const [name, words] of Object.entries(expected)) {
    await chooseFile(page, name, readFileSync(join(corpus, name)));
    const message = alerts.locator('.message').last();
    await expect(message, name).toContainText(`Could not open “${name}”`);
    for (const w of words) await expect(message, name).toContainText(w);
    await expect(message).toContainText('Nothing has been changed.');
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
    await message.getByRole('button', { name: 'Dismiss' }).click();
  }
  expect(await storageState(page)).toEqual(before);
  await expect(page.getByTestId('organisation')).toHaveText('Keep Me Council');
  expect(readdirSync(corpus).filter((f) => /^\d\d-/.test(f)).length).toBeGreaterThanOrEqual(30);
});

test('a file over 20 MB is refused before it is read', async ({ app, page }) => {
  await app.open('#/data');
  const before = await storageState(page);
  await chooseFile(page, 'huge.json', Buffer.alloc(21 * 1024 * 1024, 0x20));
  await expect(page.getByTestId('notices-open-file')).toContainText(
    'Could not open “huge.json”: it is 21 MB, and the largest Scrutineer opens is 20 MB. Nothing has been changed.',
  );
  expect(await storageState(page)).toEqual(before);
});

test('export, start empty, then re-import gives the data back; the file fits the published schema', async ({ app, page }) => {
  await app.open('#/data');
  await expect(page.getByTestId('export-name')).toHaveText('lancashire-county-council-2019-06-30.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toBe('lancashire-county-council-2019-06-30.json');
  const text = readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text);
  expect(file.type).toBe('scrutineer-snapshot');
  expect(file.snapshot.indicators.length).toBe(61);

  const schema = JSON.parse(readFileSync(join(process.cwd(), 'public/snapshot.schema.json'), 'utf8'));
  // The schema is made from the Rust types: schemars names numbers' Rust
  // types as formats (annotations beside their minimum and maximum); dates
  // are checked as the app writes them.
  const formats = {
    date: /^\d{4}-\d{2}-\d{2}$/,
    'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/,
    double: true,
    uint8: true,
    uint32: true,
  };
  const validate = new Ajv2020({ allErrors: true, strict: false, formats }).compile(schema);
  expect(validate(file) ? [] : validate.errors, 'schema errors').toEqual([]);
  const served = await page.request.get('./public/snapshot.schema.json');
  expect(served.ok(), 'the schema is published with the app').toBe(true);

  await page.getByTestId('start-empty').click();
  await expect(page.getByTestId('confirm-replace')).toContainText('This replaces Lancashire County Council, as at 30 June 2019');
  await app.expectNoAxeViolations();
  await page.locator('#empty-organisation').fill('Anytown Borough Council');
  await page.locator('#empty-title').fill('Overview and Scrutiny');
  await page.getByTestId('confirm-replace-button').click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  await expect(page.getByTestId('what-is-open')).toContainText('0 indicators in 0 service areas, 0 risks, 0 opportunities, no complaints figures');
  await expect(page.getByTestId('export-reminder')).toBeVisible();

  await chooseFile(page, download.suggestedFilename(), Buffer.from(text));
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('what-is-open')).toContainText('61 indicators in 11 service areas, 12 risks, 4 opportunities, complaints 2014/15 to 2018/19');
});

test('a downloaded copy opens as unchanged since it was saved; the same copy with a figure edited in a text editor is said to have changed', async ({ app, page }) => {
  await app.open('#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(text).content_sha256).toMatch(/^[0-9a-f]{64}$/);
  // Written again with other spacing: the data is the same.
  const file = JSON.parse(text);
  await chooseFile(page, 'copy.json', Buffer.from(JSON.stringify(file, null, 4)));
  await expect(page.getByTestId('preview-integrity')).toHaveText(/^Unchanged since it was saved/);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The first figure of the first indicator, one more, as a text editor would change it.
  file.snapshot.indicators[0].values[0].value.value += 1;
  const edited = JSON.stringify(file, null, 2);
  const before = await storageState(page);
  await chooseFile(page, 'edited.json', Buffer.from(edited));
  const integrity = page.getByTestId('preview-integrity');
  await expect(integrity).toHaveText(/^Changed since it was saved/);
  await expect(integrity).toContainText('This shows that the data changed, not who changed it.');
  await app.expectNoAxeViolations();
  expect(await storageState(page), 'nothing changes until it is opened').toEqual(before);
});

test('an edit survives a reload, and the reminder to export goes once a copy is downloaded', async ({ app, page }) => {
  await app.open('#/data');
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  await saveOrganisation(page, 'Lancashire County Council (draft)');
  await expect(page.getByTestId('export-reminder')).toBeVisible();
  await expect(page.getByTestId('saved-state')).toContainText('(revision 1)');

  await page.reload();
  await expect(page.getByTestId('organisation')).toHaveText('Lancashire County Council (draft)');
  await expect(page.getByTestId('export-reminder')).toBeVisible();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-reminder').getByRole('button').click()]);
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  // Once the mark is stored (a moment after; a tab closed at once may remind again, which is safe).
  await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').exported_revision).toBe(1);
  await page.reload();
  await expect(page.getByTestId('export-reminder'), 'the export is remembered').toHaveCount(0);
});

test('pack details are checked at the field and a refused edit saves nothing', async ({ app, page }) => {
  await app.open('#/data');
  await saveOrganisation(page, 'Saved Council');
  const before = await storageState(page);
  await page.getByLabel('Organisation', { exact: true }).fill('   ');
  await page.getByLabel('Pack title').fill('');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  const summary = page.locator('#details-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter the council's name");
  await expect(summary).toContainText("Enter the pack's title");
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await app.expectNoAxeViolations();
  expect(await storageState(page)).toEqual(before);
  await expect(page.getByTestId('organisation')).toHaveText('Saved Council');
});

test('a change saved in one tab shows in another', async ({ app, page, context }) => {
  await app.open('#/data');
  const other = await context.newPage();
  await other.goto('./#/indicators');
  await expect(other.locator('main h1')).toBeVisible();
  await saveOrganisation(page, 'Changed In Tab One');
  await expect(other.getByTestId('organisation')).toHaveText('Changed In Tab One');
  await expect(other.getByTestId('statuses')).toContainText('Updated: another tab saved changes');
  await other.close();
});

test('unreadable saved data is kept aside, reported, and can be downloaded before it is removed', async ({ app, page }) => {
  await app.open('#/data');
  const garbage = '{"type":"scrutineer-store","version":2,"revision":7,"snapshot":{"organisation":';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, garbage]);
  await page.reload();
  const alert = page.getByTestId('alerts');
  await expect(alert).toContainText('The data saved in this browser could not be read');
  await expect(alert).toContainText('kept aside unchanged');
  let stored = await storageState(page);
  expect(stored[KEY], 'the unreadable text is not overwritten').toBe(garbage);
  expect(stored['scrutineer.snapshot.unreadable']).toBe(garbage);
  await app.expectNoAxeViolations();

  // An edit now is not saved over it.
  await saveOrganisation(page, 'Not Saved Council');
  stored = await storageState(page);
  expect(stored[KEY]).toBe(garbage);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(garbage);
  await page.getByRole('button', { name: 'Remove it and save changes again' }).click();
  await saveOrganisation(page, 'Saved Again Council');
  stored = await storageState(page);
  expect(stored['scrutineer.snapshot.unreadable']).toBeUndefined();
  expect(stored[KEY]).toContain('Saved Again Council');
});

test('the demo holds the seed packs’ figures on every section', async ({ app, page }) => {
  await app.open('#/indicators');
  await expect(page.getByTestId('results-line')).toContainText('Showing 61 indicators of 61.');
  await expect(page.locator('tr[data-indicator="children-looked-after"]')).toContainText('2,096 / 84.6');

  await page.goto('./#/risks');
  await expect(page.getByRole('row', { name: /^CR9 / })).toContainText('25');
  await expect(page.getByRole('row', { name: /^CR9 / })).toContainText('12 (Major/Possible)');

  await page.goto('./#/complaints');
  await page.getByText('Show the figures as a table').first().click();
  const trend = page.getByRole('region', { name: 'Complaints received each year, by procedure' });
  await expect(trend.getByRole('row', { name: /^2017\/18/ })).toContainText('540');
  await expect(trend.getByRole('row', { name: /^2018\/19/ })).toContainText('1,188');
});

test('starting empty while saved data is unreadable keeps the warning and its choices, and says the new pack is not saved', async ({ app, page }) => {
  await app.open('#/data');
  const garbage = '{"type":"scrutineer-store","version":2,"revision":7,"snapshot":{"organisation":';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, garbage]);
  await page.reload();
  const alert = page.getByTestId('alerts');
  await expect(alert).toContainText('The data saved in this browser could not be read');
  await page.getByTestId('start-empty').click();
  await page.locator('#empty-organisation').fill('Anytown Borough Council');
  await page.locator('#empty-title').fill('Overview and Scrutiny');
  await page.getByTestId('confirm-replace-button').click();
  await expect(page.getByTestId('started-empty')).toContainText('in this tab only: it could not be saved');
  await expect(alert, 'the warning stays, with what to do about it').toContainText('The data saved in this browser could not be read');
  await expect(alert.getByRole('button', { name: 'Download the unreadable data' })).toBeVisible();
  expect((await storageState(page))[KEY], 'the unreadable text is still not overwritten').toBe(garbage);
});

test('the reader is rehearsed in idle time before a file is chosen, and not once one is', async ({ app, page }) => {
  // Left alone, the Data page reads the demo's file six times, each read and
  // each overview an idle task of its own, then marks the end.
  await app.open('#/data');
  await page.waitForFunction(() => performance.getEntriesByName('scrutineer:reader-rehearsed', 'mark').length > 0);
  const tasks = await page.evaluate(() => performance.getEntriesByName('scrutineer:reader-rehearsal', 'measure').length);
  expect(tasks, 'the file written, then six reads and six overviews').toBe(13);

  // A file chosen while it runs (the page loaded with the processor slowed
  // tenfold, so that it is still running): it ends at its next task, and no
  // task of it begins after the choice.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible({ timeout: 20_000 });
  // When the choice reaches the page: the change event, seen first by a
  // listener on the window.
  await page.evaluate(() =>
    window.addEventListener('change', () => ((window as any).chosenAt = performance.now()), { capture: true, once: true }),
  );
  await chooseFile(page, 'anytown.json', readFileSync(join(corpus, 'good.json')));
  await expect(page.getByTestId('import-preview')).toContainText('Anytown Borough Council');
  await page.waitForFunction(() => performance.getEntriesByName('scrutineer:reader-rehearsed', 'mark').length > 0);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const { ran, late } = await page.evaluate(() => {
    const at = (window as any).chosenAt as number;
    const measures = performance.getEntriesByName('scrutineer:reader-rehearsal', 'measure');
    return { ran: measures.length, late: measures.filter((m) => m.startTime > at).length };
  });
  expect(ran, 'the rest of the rehearsal dropped').toBeLessThan(13);
  expect(late, 'rehearsal tasks begun after the file was chosen').toBe(0);
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
});
