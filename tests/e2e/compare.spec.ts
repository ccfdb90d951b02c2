import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect, press, storageState } from './fixtures';

/** The demo's pack a year earlier: Q1 2018/19 figures, the Q2 2018/19 register, complaints to 2017/18. */
const EARLIER = {
  name: 'demo-a-year-earlier.json',
  mimeType: 'application/json',
  buffer: readFileSync('tests/fixtures/demo-a-year-earlier.json'),
};

test('two packs compared: the summary first, each line naming its items as links, every list a table, and nothing stored changes', async ({ app, page }, info) => {
  await app.open('#/data');
  const before = await storageState(page);
  await press(page.getByTestId('compare-link'), info);
  await expect(app.heading).toHaveText('What changed between two packs');
  await page.getByTestId('compare-file').setInputFiles(EARLIER);

  const compared = page.getByTestId('compare');
  await expect(compared.getByRole('heading', { level: 2 })).toHaveText(
    'Since the pack as at 30 September 2018 (“demo-a-year-earlier.json”)',
  );
  await expect(page.getByTestId('compare-later')).toHaveText('To the pack as at 30 June 2019 (the data open now).');
  const summary = page.getByTestId('compare-summary');
  await expect(summary.locator('li').first()).toHaveText('As at changed from “30 September 2018” to “30 June 2019”');
  await expect(summary).toContainText('2 indicators are newly rated “Requires improvement” (red): Safety Carriageway Defects repaired within 2 working days (urgent)');
  await expect(summary).toContainText('2 register scores fell: CR2 from 16 to 12 (Major/Possible); CR9, was CR8, from 16 to 12 (Major/Possible)');
  await expect(summary).toContainText('3 complaints years added');
  await expect(summary).toContainText('Q1 2019/20 (48)');

  // Every list is also a table: the ratings, the register's changes.
  const ratings = page.getByTestId('compare-ratings-table');
  await expect(ratings.locator('tbody tr')).toHaveCount(6);
  await expect(ratings.getByRole('row', { name: /Safety Carriageway Defects repaired within 2 working days/ })).toContainText('Requires improvement (Q1 2019/20)');
  await expect(page.getByTestId('changes-down')).toContainText('CR2');
  await expect(page.getByTestId('compare-entry-details-table').locator('tbody tr')).toHaveCount(4);
  // The new figures fold away; open, they are a table.
  const newFigures = page.getByTestId('compare-new-figures');
  await press(newFigures.locator('summary'), info);
  await expect(newFigures.locator('tbody tr')).toHaveCount(195);

  await app.expectNoAxeViolations();
  expect(await storageState(page), 'comparing stores nothing').toEqual(before);

  // A summary line's item goes to the item.
  await press(summary.getByRole('link', { name: 'Safety Carriageway Defects repaired within 2 working days (urgent)' }).first(), info);
  await expect(app.heading).toContainText('Safety Carriageway Defects repaired within 2 working days (urgent)');
  // Back: the comparison is still there.
  await page.goBack();
  await expect(compared).toBeVisible();
  await press(page.getByTestId('stop-comparing'), info);
  await expect(page.getByTestId('compare')).toHaveCount(0);
  await expect(page.getByTestId('compare-file')).toBeVisible();
  expect(await storageState(page)).toEqual(before);
});

test('from the preview of a file to open: see what it would change, then open it from the Data page', async ({ app, page }, info) => {
  await app.open('#/data');
  await page.getByLabel('Choose a Scrutineer snapshot (.json)').setInputFiles(EARLIER);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await press(page.getByTestId('compare-pending'), info);
  await expect(app.heading).toHaveText('What changed between two packs');
  await expect(page.getByTestId('compare').getByRole('heading', { level: 2 })).toHaveText(
    'Since the pack as at 30 September 2018 (“demo-a-year-earlier.json”)',
  );
  await page.goBack();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await press(page.getByTestId('confirm-import'), info);
  await expect(page.getByTestId('organisation')).toContainText('Lancashire');
  // Now the earlier pack is open: the comparison goes on with what was open before it.
  await page.goto('./#/compare');
  await expect(page.getByTestId('compare').getByRole('heading', { level: 2 })).toHaveText(
    'Since the pack as at 30 September 2018 (the data open now)',
  );
  await expect(page.getByTestId('compare-later')).toHaveText(
    'To the pack as at 30 June 2019 (the data before “demo-a-year-earlier.json” was opened).',
  );
  await expect(page.getByTestId('compare-summary')).toContainText('2 register scores fell');
});

test('a copy of what is open compares as nothing changed; a file that is not a pack is refused and the comparison shown stays', async ({ app, page }, info) => {
  await app.open('#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const copy = readFileSync(await download.path());
  await page.goto('./#/compare');
  await page.getByTestId('compare-file').setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: copy });
  await expect(page.getByTestId('compare-nothing')).toHaveText('Nothing differs: the two packs hold the same data.');
  const before = await storageState(page);
  await page.getByTestId('compare-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"minutes": "not a pack"}') });
  await expect(page.getByTestId('notices-compare-file')).toContainText('Could not open “notes.json”');
  await expect(page.getByTestId('compare-nothing')).toBeVisible();
  expect(await storageState(page)).toEqual(before);
  await app.expectNoAxeViolations();
  await press(page.getByTestId('stop-comparing'), info);
});

test('with a comparison open, the printed pack\'s briefing ends with what changed', async ({ app, page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a PDF is the same at any window size');
  await app.open('#/compare');
  await page.getByTestId('compare-file').setInputFiles(EARLIER);
  await expect(page.getByTestId('compare')).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Print pack' }).click();
  await expect(page.getByTestId('pack-starts-with-changes')).toContainText('Its briefing ends with what changed since “demo-a-year-earlier.json”');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('').replace(/\s+/g, ' ').trim());
  }
  await doc.destroy();
  const body = (i: number) => pages[i].replace(/^Page \d+ of \d+ /, '');
  // (A long file name may break over a line: the text then has a space in it.)
  expect(body(1)).toMatch(/^1\. Briefing: what to ask about/);
  const first = pages.findIndex((_, i) => i > 0 && body(i).startsWith('2. Performance indicators'));
  expect(first).toBeGreaterThan(1);
  const briefing = pages.slice(1, first).join(' ');
  expect(briefing).toMatch(/Since the pack as at 30 September 2018 \(“demo-a-year- ?earlier\.json”\) \(\d+\)/);
  expect(briefing).toContain('2 register scores fell CR2 from 16 to 12 (Major/Possible)');
  expect(briefing).toContain('Source: Comparison with the pack as at 30 September 2018');
  expect(pages.join(' ')).not.toContain('stop comparing there');
});
