import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, press, stored, storageState } from './fixtures';

// The benchmarks' large synthetic pack (5.8 MB as a file, about 3 MB stored):
// two of them, and the copy an import keeps for undo, are more than local
// storage's 5 MB holds. Written here when missing, the same bytes each time.
const folder = 'target/e2e';
const large = `${folder}/large-snapshot.json`;

test.beforeAll(() => {
  if (!existsSync(large)) {
    // Written aside, then moved into place whole: workers of other projects
    // may be reading it.
    const aside = `${folder}/writing-${process.pid}`;
    execFileSync('cargo', ['run', '--locked', '-q', '-p', 'scrutineer-core', '--example', 'synthetic', '--', aside], {
      stdio: 'inherit',
    });
    renameSync(`${aside}/large-snapshot.json`, large);
    rmSync(aside, { recursive: true, force: true });
  }
});

async function open(page: Page, name: string, text: string, organisation: string, info: TestInfo) {
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await press(page.getByTestId('confirm-import'), info);
  await expect(page.getByTestId('notices-open-file')).toContainText(`Opened “${name}”`, { timeout: 30_000 });
  await expect(page.getByTestId('organisation')).toHaveText(organisation);
}

/** Changes the organisation as a person does: a tap (or click) in the box,
 * the old name deleted a character at a time, the new one typed, Save. */
async function saveOrganisation(page: Page, name: string, info: TestInfo) {
  const box = page.getByLabel('Organisation', { exact: true });
  await press(box, info);
  await box.press('End');
  const old = await box.inputValue();
  for (let i = 0; i < old.length; i++) await box.press('Backspace');
  await page.keyboard.type(name);
  await press(page.getByRole('button', { name: 'Save pack details' }), info);
  await expect(page.getByTestId('organisation')).toHaveText(name);
}

test('a large pack opened over another large pack can be undone, with nothing lost, and the data stays after a reload', async ({ app, page }, info) => {
  test.setTimeout(180_000);
  const first = readFileSync(large, 'utf8');
  const second = first.replace('"Synthetic County Council"', '"Second Synthetic Council"');
  expect(second).not.toBe(first);
  await app.open('#/data');
  await open(page, 'first.json', first, 'Synthetic County Council', info);
  await open(page, 'second.json', second, 'Second Synthetic Council', info);

  const saved = (await stored(page))!;
  const kept = (await stored(page, 'scrutineer.snapshot.before-import'))!;
  expect(saved).toContain('"Second Synthetic Council"');
  expect(kept).toContain('"Synthetic County Council"');
  expect(saved.length + kept.length, 'more than local storage holds').toBeGreaterThan(5 * 1024 * 1024);

  await press(page.getByRole('button', { name: 'Undo import' }), info);
  await expect(page.getByTestId('statuses')).toContainText('Import undone');
  await expect(page.getByTestId('organisation')).toHaveText('Synthetic County Council');
  // Saved once the writes before it are (the file just opened is kept as a
  // version, 2.6 MB, in the same database): then a reload finds it.
  await expect
    .poll(async () => JSON.parse((await stored(page)) ?? '{}').snapshot?.organisation, { timeout: 30_000 })
    .toBe('Synthetic County Council');
  await page.reload();
  await expect(page.getByTestId('organisation')).toHaveText('Synthetic County Council');
  await expect(page.getByText('1,000 indicators in 20 service areas')).toBeVisible();
  expect(await stored(page)).toContain('"Synthetic County Council"');
  expect(await stored(page, 'scrutineer.snapshot.before-import')).toBeNull();
});

test('when the browser’s storage is full, the change stays on screen, it is said not to be saved, and nothing stored changes', async ({ app, page }, info) => {
  await app.open('#/data');
  const before = await storageState(page);
  // Chromium's quota for this origin, cut to 1 KB before anything is saved
  // (Chromium checks a new limit only until a write has succeeded).
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 });
  await saveOrganisation(page, 'Unsaved Council', info);
  const alert = page.getByTestId('alerts');
  await expect(alert).toContainText('Your change could not be saved');
  await expect(alert).toContainText('storage for Scrutineer is full');
  await expect(alert.getByRole('button', { name: 'Download a copy' })).toBeVisible();
  await expect(page.getByTestId('organisation')).toHaveText('Unsaved Council');
  expect(await storageState(page)).toEqual(before);
  await app.expectNoAxeViolations();

  // Room again: the next change is saved, and the warning goes.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await saveOrganisation(page, 'Saved Council', info);
  await expect(page.getByTestId('statuses')).toContainText('Saved: there is room in this browser again.');
  await expect(alert).not.toContainText('could not be saved');
  expect(await stored(page)).toContain('Saved Council');
});
