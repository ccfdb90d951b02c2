import { readFileSync } from 'node:fs';
import { test, expect, press, stored, storageState } from './fixtures';
import type { Page } from '@playwright/test';

const EARLIER = {
  name: 'demo-a-year-earlier.json',
  mimeType: 'application/json',
  buffer: readFileSync('tests/fixtures/demo-a-year-earlier.json'),
};

type Kept = { id: number; cause: { kind: string; file?: string }; organisation: string; as_at: string; exported: boolean; bytes: number };

/** The versions the browser keeps, as its index lists them. */
async function index(page: Page): Promise<Kept[]> {
  const text = await stored(page, 'scrutineer.versions');
  return text ? JSON.parse(text).kept : [];
}

const versionKeys = async (page: Page) =>
  Object.keys(await storageState(page)).filter((k) => k.startsWith('scrutineer.version.')).sort();

test('opening a file keeps the data before it and the file as versions, which can be compared with, restored and the restore undone, with storage checked after each', async ({ app, page }, info) => {
  await app.open('#/data');
  await expect(page.getByTestId('versions-none')).toBeVisible();
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles(EARLIER);
  await press(page.getByTestId('confirm-import'), info);
  await expect(page.getByTestId('what-is-open')).toContainText('3 opportunities');

  // The demo as it was, kept whole under its own key; then the file as it
  // was opened (what later files from other copies of it are based on).
  const rows = page.getByTestId('version-row');
  await expect(rows).toHaveCount(2);
  const before = rows.filter({ hasText: 'Before “demo-a-year-earlier.json” was opened' });
  await expect(before).toContainText('Lancashire County Council, as at 30 June 2019');
  await expect(rows.first()).toContainText('Opened from “demo-a-year-earlier.json”');
  await expect(rows.first()).toContainText('as at 30 September 2018');
  await expect(page.getByTestId('versions-summary')).toContainText('2 versions are kept, taking');
  const [kept, opened] = await index(page);
  expect(kept.cause).toEqual({ kind: 'before_import', file: 'demo-a-year-earlier.json' });
  expect(kept.exported, 'the built-in demo is no one’s unexported work').toBe(true);
  expect(opened.cause).toEqual({ kind: 'opened', file: 'demo-a-year-earlier.json' });
  expect(opened.exported, 'a file opened is in a file').toBe(true);
  expect(JSON.parse((await stored(page, `scrutineer.version.${opened.id}`))!).snapshot.as_at).toBe('2018-09-30');
  const body = (await stored(page, `scrutineer.version.${kept.id}`))!;
  expect(Buffer.byteLength(body), 'its size, as listed').toBe(kept.bytes);
  expect(JSON.parse(body).snapshot.as_at).toBe('2019-06-30');
  await app.expectNoAxeViolations();

  // Compare: the version against the earlier pack now open.
  await press(before.getByRole('button', { name: /^Compare with the version kept on / }), info);
  await expect(app.heading).toHaveText('What changed between two packs');
  await expect(page.getByTestId('compare-later')).toContainText('the version kept on');
  await expect(page.getByTestId('compare-summary')).toContainText('2 register scores fell');
  const beforeRestore = await storageState(page);

  // Restore: the demo is back. What was open is the file just opened, kept
  // already: the same data is kept once. Then undone.
  await page.goto('./#/data');
  await press(page.getByTestId('version-row').last().getByTestId('version-restore'), info);
  await expect(page.getByTestId('what-is-open')).toContainText('4 opportunities');
  expect(JSON.parse((await stored(page))!).snapshot.as_at).toBe('2019-06-30');
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  expect((await index(page)).map((k) => k.cause.kind)).toEqual(['before_import', 'opened']);
  await press(page.getByTestId('notices-versions').getByRole('button', { name: 'Undo', exact: true }), info);
  await expect(page.getByTestId('what-is-open')).toContainText('3 opportunities');
  expect(JSON.parse((await stored(page))!).snapshot.as_at).toBe('2018-09-30');
  // The versions stay; the snapshot is back to what it was before the restore.
  const after = await storageState(page);
  expect(JSON.parse(after['scrutineer.snapshot']).snapshot).toEqual(JSON.parse(beforeRestore['scrutineer.snapshot']).snapshot);
  expect(await versionKeys(page)).toHaveLength(2);
});

test('a download keeps the data as a version once; a version can be removed, and one holding changes in no file only on a second press, said when asked', async ({ app, page }, info) => {
  await app.open('#/data');
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  await expect(page.getByTestId('version-row').first()).toContainText('Downloaded as “lancashire-county-council-2019-06-30.json”');
  // The same data downloaded again: not kept twice.
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  await expect(page.getByTestId('statuses')).toContainText('Downloaded');
  await expect.poll(async () => (await index(page)).length).toBe(1);

  // A change never exported, then a file opened over it: that version is the only copy of the change.
  await page.getByLabel('Organisation', { exact: true }).fill('Anytown Borough Council');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles(EARLIER);
  await press(page.getByTestId('confirm-import'), info);
  await expect(page.getByTestId('version-row')).toHaveCount(3);
  const unexported = page.getByTestId('version-row').filter({ hasText: 'Before “demo-a-year-earlier.json” was opened' });
  await expect(unexported).toContainText('its changes are in no file');
  expect((await index(page)).map((k) => [k.cause.kind, k.exported])).toEqual([
    ['downloaded', true],
    ['before_import', false],
    ['opened', true],
  ]);

  const remove = unexported.getByTestId('version-remove');
  await press(remove, info);
  await expect(remove).toHaveText('Remove: its changes are in no file');
  await expect(page.getByTestId('notices-versions')).toContainText('holds changes that are in no file: removing it loses them. Press its Remove button again');
  expect(await index(page)).toHaveLength(3);
  await press(remove, info);
  await expect(page.getByTestId('notices-versions')).toContainText('The version was removed.');
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  const left = await index(page);
  expect(left.map((k) => k.cause.kind)).toEqual(['downloaded', 'opened']);
  expect(await versionKeys(page)).toEqual(left.map((k) => `scrutineer.version.${k.id}`).sort());
});

test('an index of versions that cannot be read is never written over: nothing more is kept until the person removes them all', async ({ app, page }, info) => {
  await app.open('#/data');
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  const [first] = await index(page);
  // The index is damaged (in this tab's database, as another program might).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('scrutineer');
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          tx.objectStore('records').put('{"kept": [broken', 'scrutineer.versions');
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByTestId('versions-unreadable')).toBeVisible();
  // Opening a file over the data keeps no version and writes nothing over the index or the text kept.
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles(EARLIER);
  await press(page.getByTestId('confirm-import'), info);
  await expect(page.getByTestId('what-is-open')).toContainText('3 opportunities');
  await expect(page.getByTestId('alerts')).toContainText('was not kept as a version (the list of versions kept in this browser cannot be read)');
  expect(await stored(page, 'scrutineer.versions')).toBe('{"kept": [broken');
  expect(await versionKeys(page)).toEqual([`scrutineer.version.${first.id}`]);

  // Some may be the only copy of changes: removed on a second press, once told.
  await press(page.getByTestId('versions-remove-all'), info);
  await expect(page.getByTestId('notices-versions')).toContainText('Press “Remove every version” again');
  expect(await versionKeys(page)).toEqual([`scrutineer.version.${first.id}`]);
  await press(page.getByTestId('versions-remove-all'), info);
  await expect(page.getByTestId('notices-versions')).toContainText('Every version kept in this browser was removed.');
  expect(await versionKeys(page)).toEqual([]);
  // A fresh index, which remembers the ids given so that none is given twice.
  expect(JSON.parse((await stored(page, 'scrutineer.versions'))!)).toEqual({ kept: [], last_id: first.id });
  // Kept again from now on, with an id past any used before.
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  const [again] = await index(page);
  expect(again.id).toBeGreaterThan(first.id);
  expect(await versionKeys(page)).toEqual([`scrutineer.version.${again.id}`]);
});

test('starting empty keeps the data before it, changes in no file included, as a version first', async ({ app, page }, info) => {
  await app.open('#/data');
  await page.getByLabel('Organisation', { exact: true }).fill('Anytown Borough Council');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  await press(page.getByTestId('start-empty'), info);
  await expect(page.getByTestId('confirm-replace')).toContainText('A version of it is kept here');
  const form = page.getByTestId('empty-form');
  await form.getByLabel("Your council's name").fill('Newtown Council');
  await form.getByLabel('Pack title').fill('Scrutiny');
  await press(page.getByTestId('confirm-replace-button'), info);
  await expect(page.getByTestId('started-empty')).toContainText('Started an empty workspace for Newtown Council');
  const [kept] = await index(page);
  expect(kept.cause.kind).toBe('before_start_empty');
  expect(kept.exported).toBe(false);
  expect(JSON.parse((await stored(page, `scrutineer.version.${kept.id}`))!).snapshot.organisation).toBe('Anytown Borough Council');
  expect(JSON.parse((await stored(page))!).snapshot.organisation).toBe('Newtown Council');
});

test('a list of versions out of date in another tab removes and restores nothing else, and ids are never given twice', async ({ app, page, context }, info) => {
  await app.open('#/data');
  // Two versions: the demo downloaded, then a change downloaded.
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  await page.getByLabel('Organisation', { exact: true }).fill('Anytown Borough Council');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  const [older, newer] = await index(page);
  const row = (p: Page, kept: Kept) => p.getByTestId('version-row').filter({ hasText: kept.organisation });

  // Another tab removes the older; this tab's list still shows it.
  const other = await context.newPage();
  await other.goto('./#/data');
  await expect(other.getByTestId('version-row')).toHaveCount(2);
  await press(row(other, older).getByTestId('version-remove'), info);
  await expect(other.getByTestId('notices-versions')).toContainText('The version was removed.');
  await expect(page.getByTestId('version-row')).toHaveCount(2);

  // Removing it here says it was gone and removes nothing else.
  await press(row(page, older).getByTestId('version-remove'), info);
  await expect(page.getByTestId('notices-versions')).toContainText('That version was no longer kept');
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  expect((await index(page)).map((k) => k.id)).toEqual([newer.id]);
  expect(await versionKeys(page)).toEqual([`scrutineer.version.${newer.id}`]);

  // The other tab removes the newer too; restoring it here changes nothing.
  await other.reload();
  await press(other.getByTestId('version-remove'), info);
  await expect(other.getByTestId('notices-versions')).toContainText('The version was removed.');
  await other.close();
  const snapshot = await stored(page);
  await press(page.getByTestId('version-restore'), info);
  await expect(page.getByTestId('notices-versions')).toContainText('That version is no longer kept in this browser');
  await expect(page.getByTestId('versions-none')).toBeVisible();
  expect(await stored(page)).toBe(snapshot);

  // A new version gets a new id: a list read before names no other version.
  await page.getByLabel('Organisation', { exact: true }).fill('Newtown Council');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText('Newtown Council');
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  const [next] = await index(page);
  expect(next.id).toBeGreaterThan(newer.id);
  expect(await versionKeys(page)).toEqual([`scrutineer.version.${next.id}`]);
});

test('with no room for a version, starting empty over changes in no file is refused and nothing stored changes', async ({ app, page }, info) => {
  // The browser says it has room for the data (about 100 KB) but not, past
  // the margin kept for the data's own saves, for a version too.
  await page.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ quota: 1_200_000, usage: 150_000 }) });
  });
  await app.open('#/data');
  await page.getByLabel('Organisation', { exact: true }).fill('Anytown Borough Council');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').snapshot?.organisation).toBe('Anytown Borough Council');
  const before = await storageState(page);

  await press(page.getByTestId('start-empty'), info);
  const form = page.getByTestId('empty-form');
  await form.getByLabel("Your council's name").fill('Newtown Council');
  await form.getByLabel('Pack title').fill('Scrutiny');
  await press(page.getByTestId('confirm-replace-button'), info);
  const alert = page.getByTestId('alerts');
  await expect(alert).toContainText('Did not start with an empty workspace: the data open now has changes that are in no file, and a version of it could not be kept in this browser (there is no room for it in this browser). Nothing has been changed.');
  await expect(alert.getByRole('button', { name: 'Download a copy' })).toBeVisible();
  await expect(page.getByTestId('started-empty')).toHaveCount(0);
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  expect(await storageState(page)).toEqual(before);
  expect(await versionKeys(page)).toEqual([]);
});
