// The briefing (#/briefing): the first item in the navigation, what the
// demo pack gives the committee to ask about, each point linked, and what
// changed since an earlier pack when one is open for comparison.
import { readFileSync } from 'node:fs';
import { test, expect, press, storageState } from './fixtures';

test('the briefing is first in the navigation and lists the demo pack\'s points, numbered right through, each with its reason, question and source', async ({ app, page }, info) => {
  await app.open('#/indicators');
  await expect(app.nav.getByRole('link').first()).toHaveText('Briefing');
  const before = await storageState(page);
  await press(app.navLink('Briefing'), info);
  await expect(app.heading).toHaveText('Briefing: what to ask about');
  await expect(page).toHaveTitle('Briefing: what to ask about – Scrutineer');
  await expect(page.getByTestId('briefing-summary')).toHaveText('10 points to ask about in 4 sections.');
  await expect(page.getByTestId('briefing-scope')).toContainText('indicators at Q1 2019/20, the register at Q2 2019/20 against Q2 2018/19');

  const sections = page.locator('.briefing-section');
  await expect(sections.getByRole('heading', { level: 2 })).toHaveText([
    'Newly rated Requires improvement (1)',
    'Risks in the highest band (3)',
    'New on the register since Q2 2018/19 (5)',
    'Complaints figures that do not add up (1)',
  ]);
  // Points are numbered right through the sections: the highest band starts at 2.
  await expect(page.getByTestId('briefing-highest').locator('ol')).toHaveAttribute('start', '2');
  const red = page.getByTestId('briefing-newly-red').locator('li');
  await expect(red).toHaveCount(1);
  await expect(red).toContainText('Requires improvement in Q1 2019/20: 88.76% (target 95.00%). In Q4 2018/19 it was 94.14%, rated Slightly below desired level.');
  await expect(red.locator('.briefing-point__ask')).toHaveText(/^Ask: What changed since Q4 2018\/19/);
  await expect(red.locator('.briefing-point__source')).toHaveText('Source: The Q1 2019/20 figure, from Quarterly Corporate Performance Monitoring Report – Quarter 1 2019/20');
  await expect(page.getByTestId('briefing-highest').locator('.briefing-point__label')).toHaveText([
    'CR1 Reshaping the County Council',
    /^CR4 Increase in demand/,
    /^CR10 Supporting disadvantaged families/,
  ]);
  await expect(page.getByTestId('briefing-complaints-checks')).toContainText('425 closed plus 116 still open is 541, but 540 complaints were received.');
  await expect(page.getByTestId('briefing-clear').locator('li')).toHaveText([
    'Changes that are real, and concerning',
    'Targets the limits say will not be met',
    'Indicator figures that do not add up',
    'Risk scores up since Q2 2018/19',
    "Reviews overdue at the pack's date",
    'Complaints answered in time: a smaller share',
  ]);
  await app.expectNoAxeViolations();

  // Each point leads to where its figures are: the indicator, the entry at its quarter.
  await press(red.getByRole('link'), info);
  await expect(app.heading).toHaveText('Safety Carriageway Defects repaired within 2 working days (urgent)');
  await page.goBack();
  await press(page.getByTestId('briefing-highest').getByRole('link', { name: 'CR1 Reshaping the County Council' }), info);
  await expect(page).toHaveURL(/#\/risks\/CR1\?quarter=Q2%202019%2F20$/);
  await expect(app.heading).toContainText('CR1');
  // Reading the briefing changes nothing stored.
  expect(await storageState(page)).toEqual(before);
});

test('with an earlier pack open for comparison, the briefing ends with what changed since it', async ({ app, page }, info) => {
  await app.open('#/briefing');
  await expect(page.getByTestId('briefing-since')).toHaveCount(0);
  await press(page.getByRole('link', { name: 'compare with it' }), info);
  await page.getByTestId('compare-file').setInputFiles({
    name: 'demo-a-year-earlier.json',
    mimeType: 'application/json',
    buffer: readFileSync('tests/fixtures/demo-a-year-earlier.json'),
  });
  await expect(page.getByTestId('compare')).toBeVisible();
  await app.open('#/briefing');
  const since = page.getByTestId('briefing-since');
  await expect(since.getByRole('heading', { level: 2 })).toHaveText(/^Since the pack as at 30 September 2018 \(“demo-a-year-earlier\.json”\) \(\d+\)$/);
  await expect(since).toContainText('2 indicators are newly rated “Requires improvement” (red)');
  await expect(since.locator('.briefing-point__source').first()).toHaveText('Source: Comparison with the pack as at 30 September 2018 (“demo-a-year-earlier.json”)');
  await expect(page.getByRole('link', { name: 'compare with it' })).toHaveCount(0);
  await app.expectNoAxeViolations();
});
