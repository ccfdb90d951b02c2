import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect } from './fixtures';

// The whole printed pack is one long page (every indicator's table and chart):
// rendering and scanning it takes about 20 s alone and over 30 s beside another
// worker on a 2-core machine, so these journeys have 60 s each.
test.describe.configure({ timeout: 60_000 });

/** The text of each page of a PDF, its runs of white space made single spaces. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('');
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  await doc.destroy();
  return pages;
}

test('the pack prints as a committee pack: cover, sections on new pages, ratings in words, numbered pages', async ({ app, page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a PDF is the same at any window size');
  await app.open('#/pack');
  await expect(app.heading).toHaveText('Committee pack');
  const pages = await pagesOf(await page.pdf({ format: 'A4', printBackground: true }));
  const total = pages.length;
  expect(total, 'a cover and three sections, each over pages of its own').toBeGreaterThan(8);

  const [cover] = pages;
  expect(cover).toContain('Lancashire County Council');
  expect(cover).toContain('Cabinet Committee on Performance Improvement');
  expect(cover).toContain('as at 30 June 2019');
  expect(cover).toContain('Contents');
  expect(cover).toContain('2. Performance indicators, Q1 2019/20');
  expect(cover).toContain(`Page 1 of ${total}`);
  // No navigation, buttons or notes about using the app.
  for (const page of pages) {
    for (const control of ['Skip to main content', 'Print pack', 'Download a copy', 'Show the figures as a table', 'Your data stays in this browser']) {
      expect(page, control).not.toContain(control);
    }
  }

  // Each section starts a page (its heading comes first), and every page is numbered.
  // The page number (a margin box) comes first in a page's text; the page's own text follows.
  const starting = (heading: string) =>
    pages.findIndex((text) => text.replace(/^Page \d+ of \d+ /, '').startsWith(heading));
  const briefing = starting('1. Briefing: what to ask about');
  const indicators = starting('2. Performance indicators, Q1 2019/20');
  const risks = starting('3. Risks and opportunities, Q2 2019/20');
  const complaints = starting('4. Complaints and compliments, 2017/18 and 2018/19');
  expect([indicators, risks, complaints].every((i) => i > 0), `sections found at pages ${indicators + 1}, ${risks + 1}, ${complaints + 1}`).toBe(true);
  // The briefing comes first after the cover, then each feature's section.
  expect(briefing).toBe(1);
  expect(indicators).toBeGreaterThan(briefing);
  expect(risks).toBeGreaterThan(indicators);
  expect(complaints).toBeGreaterThan(risks);
  pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${total}`));

  const section = (from: number, to: number) => pages.slice(from, to).join(' ');
  const briefingPages = section(briefing, indicators);
  expect(briefingPages).toContain('10 points to ask about in 4 sections.');
  expect(briefingPages).toContain('Ask: What changed since Q4 2018/19 to move this to requires improvement');
  expect(briefingPages).toContain('Checked, nothing found');
  const indicatorPages = section(indicators, risks);
  expect(indicatorPages).toContain('Street lighting and highways');
  // The street lighting repair time: each figure with its rating in words, not colour alone;
  // the chosen quarter first with its direction and whether the change is real,
  // then the earlier ones, newest first.
  expect(indicatorPages).toMatch(
    /4\.79 ● On track\/good ↑ Improving Too few points Low 6\.34 ■ Requires improvement 7\.61 ■ Requires improvement 7 ■ Requires improvement 4\.6 ● On track\/good/,
  );
  expect(indicatorPages).toContain('Slightly below desired level');

  const riskPages = section(risks, complaints);
  expect(riskPages).toContain('Risks matrix, Q2 2019/20');
  expect(riskPages).toContain('Opportunities matrix, Q2 2019/20');
  expect(riskPages).toMatch(/16 High: CR1, CR4, CR10/);
  expect(riskPages).toContain('What changed since Q2 2018/19');
  expect(riskPages).toContain('CR1 Reshaping the County Council');
  // An entry that has left is named with its quarter: today's CR9 is another risk.
  expect(riskPages).toContain('CR9 in Q2 2018/19: Discharge of patients from hospital');

  const complaintPages = section(complaints, total);
  expect(complaintPages).toContain('Adult social care (statutory), 2018/19');
  expect(complaintPages).toContain('Adult social care complaints fell 0% from 540 in 2017/18 to 538 in 2018/19.');
  expect(complaintPages).toContain('Complaints received each year, by procedure');
  expect(complaintPages).toContain('Corporate (non-statutory), 2018/19');
  // Every chart comes with its table: the table's caption repeats the chart's title.
  const titles = complaintPages.match(/Complaints received each year, by procedure/g) ?? [];
  expect(titles.length, 'four procedures, each with the trend chart and its table').toBe(8);
});

test('the pack on screen: a preview with one button that prints it, reached from the navigation', async ({ app, page }) => {
  await app.open('#/indicators');
  await app.navLink('Print pack').click();
  await expect(app.heading).toHaveText('Committee pack');
  await expect(app.navLink('Print pack')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('pack-cover')).toContainText('Cabinet Committee on Performance Improvement');
  await app.expectNoAxeViolations();

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print pack' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // The contents list moves to its section.
  await page.getByTestId('pack-cover').getByRole('link', { name: '3. Risks and opportunities, Q2 2019/20' }).click();
  await expect(page.locator('#pack-risks')).toBeFocused();
});

test('the pack follows the data: a change saved in another tab shows on its cover and in its tables', async ({ app, page, context }) => {
  await app.open('#/pack');
  await expect(page.getByTestId('pack-cover')).toContainText('Lancashire County Council');
  const officer = await context.newPage();
  await officer.goto('./#/data');
  await officer.getByLabel('Organisation', { exact: true }).fill('Northshire County Council');
  await officer.getByRole('button', { name: 'Save pack details' }).click();
  await expect(officer.getByTestId('organisation')).toHaveText('Northshire County Council');

  await expect(page.getByTestId('pack-cover')).toContainText('Northshire County Council');
  await expect(page.getByTestId('pack-cover')).not.toContainText('Lancashire County Council');
});
