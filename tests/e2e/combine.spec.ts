import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, press, stored, storageState } from './fixtures';

type Observation = { period: string; value: { kind: string; value?: number; decimals?: number } };
type Assessment = { period: string; owner?: string };
type Pack = {
  indicators: { id: string; values: Observation[] }[];
  register: { id: string; assessments: Assessment[] }[];
};

/** The demo as the app exports it. */
async function demoFile(page: Page): Promise<{ snapshot: Pack } & Record<string, unknown>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

/** A copy of `file` changed by `change`, without the fingerprint (an edited copy, not one the app wrote). */
function edited(file: { snapshot: Pack }, change: (pack: Pack) => void): Buffer {
  const copy = structuredClone(file) as { snapshot: Pack; content_sha256?: string };
  delete copy.content_sha256;
  change(copy.snapshot);
  return Buffer.from(JSON.stringify(copy));
}

const indicator = (pack: Pack, id: string) => pack.indicators.find((i) => i.id === id)!;
const entry = (pack: Pack, id: string) => pack.register.find((e) => e.id === id)!;
const latest = (pack: Pack, id: string) => entry(pack, id).assessments.at(-1)!;
const figure = (pack: Pack, period: string) =>
  pack.indicators.find((i) => i.id === 'contacts')?.values.find((v) => v.period === period)?.value.value;

async function open(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles({ name, mimeType: 'application/json', buffer });
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

const savedPack = async (page: Page): Promise<Pack> => JSON.parse((await stored(page)) ?? '{"snapshot":{"indicators":[],"register":[]}}').snapshot;

test("two officers' copies combined: what one alone holds is kept, one conflict resolved each way, and undo puts the first copy back", async ({ app, page }, info) => {
  await app.open('#/data');
  const demo = await demoFile(page);
  const periods = indicator(demo.snapshot, 'contacts').values.map((v) => v.period);
  const newYear = ['2018/19', '2019/20', '2020/21'].find((p) => !periods.includes(p))!;
  const quarter = latest(demo.snapshot, 'CR2').period;
  const cr3Quarters = entry(demo.snapshot, 'CR3').assessments.map((a) => a.period);
  const nextQuarter = ['Q2 2019/20', 'Q3 2019/20', 'Q4 2019/20'].find((p) => !cr3Quarters.includes(p))!;

  // Officer A (the data open now): a figure revised, a new year's figure, CR2's owner.
  const first = edited(demo, (pack) => {
    indicator(pack, 'contacts').values.find((v) => v.period === '2016/17')!.value.value = 111;
    indicator(pack, 'contacts').values.push({ period: newYear, value: { kind: 'figure', value: 5000, decimals: 0 } });
    latest(pack, 'CR2').owner = 'Head of Safeguarding';
  });
  // Officer B (the file): the same figure and owner differently, and CR3's next quarter.
  const second = edited(demo, (pack) => {
    indicator(pack, 'contacts').values.find((v) => v.period === '2016/17')!.value.value = 222;
    latest(pack, 'CR2').owner = 'Director of Children’s Services (interim)';
    entry(pack, 'CR3').assessments.push({ ...latest(pack, 'CR3'), period: nextQuarter });
  });
  await open(page, 'officer-a.json', first);
  await press(page.getByTestId('confirm-import'), info);
  // Opened once the version and the undo copy are kept: then it is saved.
  await expect(page.getByTestId('notices-open-file')).toContainText('Opened “officer-a.json”');
  await expect.poll(async () => figure(await savedPack(page), '2016/17')).toBe(111);

  await open(page, 'officer-b.json', second);
  await press(page.getByTestId('combine-pending'), info);
  await expect(app.heading).toHaveText('Combine a file with the data open now');
  const counts = page.getByTestId('combine-counts');
  await expect(counts).toContainText('Taken from the file1 change');
  await expect(counts).toContainText('Kept from the data open now1 change');
  await expect(page.getByTestId('combine-chosen')).toHaveText('2 items, 0 chosen');
  await expect(page.getByTestId('combine-no-common')).toBeVisible();

  // Each conflict shows both copies side by side.
  const figureConflict = page.getByTestId('conflict-figure-contacts-2016-17');
  await expect(figureConflict.getByRole('row', { name: /Figure/ })).toContainText('111');
  await expect(figureConflict.getByRole('row', { name: /Figure/ })).toContainText('222');
  const slug = `quarter-CR2-${quarter.replace(/[^A-Za-z0-9]/g, '-')}`;
  const ownerConflict = page.getByTestId(`conflict-${slug}`);
  await expect(ownerConflict.getByRole('row', { name: /Owner/ })).toContainText('Head of Safeguarding');
  await expect(ownerConflict.getByRole('row', { name: /Owner/ })).toContainText('Director of Children’s Services (interim)');
  // What was taken without asking is listed too.
  const takenRegister = page.getByTestId('combine-taken-register');
  await press(takenRegister.locator('summary'), info);
  await expect(takenRegister.getByRole('row', { name: new RegExp(`CR3 .*${nextQuarter.replace('/', '\\/')}`) })).toContainText('Only in the file');
  await app.expectNoAxeViolations();

  // Combining before choosing is refused, and nothing stored changes.
  const before = await storageState(page);
  await press(page.getByTestId('confirm-combine'), info);
  await expect(page.getByTestId('notices-combine')).toContainText('2 items are in both copies with different values: choose which to keep for each.');
  expect(await storageState(page)).toEqual(before);

  await page.getByTestId('choose-open-figure-contacts-2016-17').check();
  await page.getByTestId(`choose-file-${slug}`).check();
  await expect(page.getByTestId('combine-chosen')).toHaveText('2 items, 2 chosen');
  await press(page.getByTestId('confirm-combine'), info);
  const statuses = page.getByTestId('notices-combine');
  await expect(statuses).toContainText(
    'Combined “officer-b.json” with the data that was open: 1 change taken from the file, 1 change kept from the data open now, and of the 2 items both held differently, 1 taken from the file and 1 kept.',
  );
  // Saved once the undo copy is (the same write as nothing else).
  await expect.poll(async () => figure(await savedPack(page), newYear)).toBe(5000);
  const combined = await savedPack(page);
  expect(figure(combined, '2016/17'), "officer A's figure, chosen").toBe(111);
  expect(figure(combined, newYear), "officer A's new figure, kept").toBe(5000);
  expect(latest(combined, 'CR2').owner, "officer B's owner, chosen").toBe('Director of Children’s Services (interim)');
  expect(entry(combined, 'CR3').assessments.map((a) => a.period), "officer B's new quarter, taken").toContain(nextQuarter);
  // What was open before is kept as a version (it is officer A's file as
  // opened, kept once), and officer B's file as it was combined in.
  const causes = async () => JSON.parse((await stored(page, 'scrutineer.versions'))!).kept.map((k: { cause: unknown }) => k.cause);
  await expect.poll(causes).toContainEqual({ kind: 'combined_in', file: 'officer-b.json' });
  expect(await causes()).toEqual([
    { kind: 'downloaded', file: 'lancashire-county-council-2019-06-30.json' },
    { kind: 'opened', file: 'officer-a.json' },
    { kind: 'combined_in', file: 'officer-b.json' },
  ]);

  // Undo import puts officer A's copy back, in storage too.
  await press(statuses.getByRole('button', { name: 'Undo import' }), info);
  await expect(page.getByTestId('statuses')).toContainText('Import undone');
  await expect.poll(async () => figure(await savedPack(page), newYear)).toBe(5000);
  await expect.poll(async () => latest(await savedPack(page), 'CR2').owner).toBe('Head of Safeguarding');
  const back = await savedPack(page);
  expect(figure(back, '2016/17')).toBe(111);
  expect(latest(back, 'CR2').owner).toBe('Head of Safeguarding');
  expect(entry(back, 'CR3').assessments.map((a) => a.period)).not.toContain(nextQuarter);
});

test('a section at a time: take every conflict of the indicators from the file', async ({ app, page }, info) => {
  await app.open('#/data');
  const demo = await demoFile(page);
  const second = edited(demo, (pack) => {
    for (const v of indicator(pack, 'contacts').values) if (v.value.value !== undefined) v.value.value += 1;
  });
  const n = indicator(demo.snapshot, 'contacts').values.filter((v) => v.value.value !== undefined).length;
  await open(page, 'officer-b.json', second);
  await press(page.getByTestId('combine-pending'), info);
  await expect(page.getByTestId('combine-chosen')).toHaveText(`${n} items, 0 chosen`);
  await press(page.getByTestId('combine-all-file-indicators'), info);
  await expect(page.getByTestId('combine-chosen')).toHaveText(`${n} items, ${n} chosen`);
  await expect(page.getByTestId('choose-file-figure-contacts-2016-17')).toBeChecked();
  await press(page.getByTestId('confirm-combine'), info);
  await expect(page.getByTestId('notices-combine')).toContainText('Combined “officer-b.json”');
  const was = indicator(demo.snapshot, 'contacts').values.find((v) => v.period === '2016/17')!.value.value!;
  await expect.poll(async () => figure(await savedPack(page), '2016/17')).toBe(was + 1);
});

test('a file that holds what is open has nothing to combine; with no file waiting the page offers a chooser', async ({ app, page }, info) => {
  await app.open('#/data');
  const demo = await demoFile(page);
  await open(page, 'same.json', Buffer.from(JSON.stringify(demo)));
  await press(page.getByTestId('combine-pending'), info);
  await expect(page.getByTestId('combine-nothing')).toHaveText('“same.json” holds exactly what is open now: there is nothing to combine.');
  await press(page.getByTestId('cancel-combine'), info);
  await expect(page.getByTestId('combine-file')).toBeVisible();
  // A file that is not a snapshot is refused where it was chosen.
  const before = await storageState(page);
  await page.getByTestId('combine-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a pack') });
  await expect(page.getByTestId('notices-combine-file')).toContainText('notes.txt');
  expect(await storageState(page)).toEqual(before);
  await app.expectNoAxeViolations();
});

test('with the file both copies started from kept here, what only one copy changed is taken without asking', async ({ app, page }, info) => {
  await app.open('#/data');
  // Officer A sends the pack; its download is kept here as a version.
  const sent = await demoFile(page);
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  // Officer A then changes the pack details; officer B, in their copy, a figure.
  await page.getByLabel('Organisation', { exact: true }).fill('Anytown Borough Council');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  const back = edited(sent, (pack) => {
    indicator(pack, 'contacts').values.find((v) => v.period === '2016/17')!.value.value = 222;
  });
  const withLineage = JSON.parse(back.toString());
  withLineage.based_on = sent.content_sha256;
  await open(page, 'officer-b.json', Buffer.from(JSON.stringify(withLineage)));
  await press(page.getByTestId('combine-pending'), info);
  await expect(page.getByTestId('combine-common')).toContainText('Both copies started from the version kept on');
  await expect(page.getByTestId('combine-common')).toContainText('downloaded as “lancashire-county-council-2019-06-30.json”');
  await expect(page.getByTestId('combine-no-common')).toHaveCount(0);
  const counts = page.getByTestId('combine-counts');
  await expect(counts).toContainText('Taken from the file1 change');
  await expect(counts).toContainText('Kept from the data open now1 change');
  await expect(page.getByTestId('combine-chosen')).toHaveText('None');
  await app.expectNoAxeViolations();
  await press(page.getByTestId('confirm-combine'), info);
  await expect(page.getByTestId('notices-combine')).toContainText('Combined “officer-b.json”');
  await expect.poll(async () => figure(await savedPack(page), '2016/17'), "officer B's change").toBe(222);
  const combined = JSON.parse((await stored(page))!).snapshot;
  expect(combined.organisation, "officer A's change").toBe('Anytown Borough Council');
});

test('two officers who each opened the same pack: the file opened is kept here, so only what both changed would be asked', async ({ app, page }, info) => {
  await app.open('#/data');
  // The lead officer's pack, as both officers received it.
  const demo = await demoFile(page);
  const sent = edited(demo, (pack) => {
    indicator(pack, 'contacts').values.find((v) => v.period === '2016/17')!.value.value = 300;
  });
  await open(page, 'pack.json', sent);
  await press(page.getByTestId('confirm-import'), info);
  await expect(page.getByTestId('notices-open-file')).toContainText('Opened “pack.json”');
  const kept = async () =>
    JSON.parse((await stored(page, 'scrutineer.versions')) ?? '{"kept":[]}').kept as { cause: { kind: string; file?: string }; fingerprint: string }[];
  await expect.poll(async () => (await kept()).map((k) => k.cause.kind)).toContain('opened');
  const opened = (await kept()).find((k) => k.cause.kind === 'opened')!;
  expect(opened.cause.file).toBe('pack.json');

  // Officer A (here) changes the pack details; officer B, in their copy of the same pack, a figure.
  await page.getByLabel('Organisation', { exact: true }).fill('Anytown Borough Council');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText('Anytown Borough Council');
  const theirs = JSON.parse(
    edited(JSON.parse(sent.toString()), (pack) => {
      indicator(pack, 'contacts').values.find((v) => v.period === '2016/17')!.value.value = 222;
    }).toString(),
  );
  theirs.based_on = opened.fingerprint;
  await open(page, 'officer-b.json', Buffer.from(JSON.stringify(theirs)));
  await press(page.getByTestId('combine-pending'), info);
  await expect(page.getByTestId('combine-common')).toContainText('opened from “pack.json”');
  await expect(page.getByTestId('combine-chosen')).toHaveText('None');
  await press(page.getByTestId('confirm-combine'), info);
  await expect(page.getByTestId('notices-combine')).toContainText('Combined “officer-b.json”');
  await expect.poll(async () => figure(await savedPack(page), '2016/17'), "officer B's change").toBe(222);
  expect(JSON.parse((await stored(page))!).snapshot.organisation, "officer A's change").toBe('Anytown Borough Council');
});
