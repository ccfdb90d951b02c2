import { test, expect } from './fixtures';

const routes = [
  { fragment: '#/briefing', heading: 'Briefing: what to ask about', nav: 'Briefing' },
  { fragment: '#/indicators', heading: 'Performance indicators', nav: 'Indicators' },
  { fragment: '#/risks', heading: 'Risks and opportunities', nav: 'Risks' },
  { fragment: '#/complaints', heading: 'Complaints and compliments', nav: 'Complaints' },
  { fragment: '#/pack', heading: 'Committee pack', nav: 'Print pack' },
  { fragment: '#/data', heading: 'Data: open, save and share', nav: 'Data' },
  { fragment: '#/help', heading: 'Help', nav: 'Help' },
];

test.describe('every route', () => {
  for (const route of routes) {
    test(`${route.fragment} renders, survives a reload and has no axe violations`, async ({ app, page }) => {
      // The whole printed pack is one long page: its scan takes about 18 s alone, twice that beside another worker.
      if (route.fragment === '#/pack') test.setTimeout(60_000);
      await app.open(route.fragment);
      await expect(app.heading).toHaveText(route.heading);
      await expect(app.navLink(route.nav)).toHaveAttribute('aria-current', 'page');
      await expect(page).toHaveTitle(`${route.heading} – Scrutineer`);
      await app.expectNoAxeViolations();

      await page.reload();
      await expect(app.heading).toHaveText(route.heading);
      await expect(page).toHaveURL(new RegExp(`${route.fragment}$`));
    });
  }

  test('an empty fragment opens the indicators', async ({ app }) => {
    await app.open('');
    await expect(app.heading).toHaveText('Performance indicators');
    await expect(app.navLink('Indicators')).toHaveAttribute('aria-current', 'page');
  });

  test('a deep indicator link opens its page under Indicators', async ({ app }) => {
    await app.open('#/indicators/NO-SUCH');
    await expect(app.heading).toHaveText('Indicator NO-SUCH');
    await expect(app.navLink('Indicators')).toHaveAttribute('aria-current', 'page');
    await app.expectNoAxeViolations();
  });
});

test('an unknown route explains itself and offers every section', async ({ app, page }) => {
  await app.open('#/reports/2019%20Q1');
  await expect(app.heading).toHaveText('Page not found');
  await expect(page.getByTestId('missing-path')).toHaveText('/reports/2019 Q1');
  const links = page.locator('main').getByRole('link');
  await expect(links).toHaveText(routes.map((r) => r.heading));
  await expect(app.nav.locator('[aria-current]')).toHaveCount(0);
  await app.expectNoAxeViolations();

  await links.filter({ hasText: 'Help' }).click();
  await expect(app.heading).toHaveText('Help');
});

test('the header says whose pack it is and the date it describes', async ({ app, page }) => {
  await app.open('#/help');
  const header = page.getByRole('banner');
  await expect(header.getByTestId('organisation')).toHaveText('Lancashire County Council');
  await expect(header.getByTestId('pack-title')).toHaveText('Cabinet Committee on Performance Improvement');
  await expect(header.getByTestId('as-at')).toHaveText('as at 30 June 2019');
  await expect(page.getByRole('contentinfo')).toContainText('Your data stays in this browser');
});

test('navigating moves through sections, and Back returns', async ({ app, page, isMobile }) => {
  await app.open(routes[0].fragment);
  for (const route of routes.slice(1)) {
    const link = app.navLink(route.nav);
    if (isMobile) await link.tap();
    else await link.click();
    await expect(app.heading).toHaveText(route.heading);
    await expect(page).toHaveURL(new RegExp(`${route.fragment}$`));
    // Focus moves to the new heading so screen readers announce the page.
    await expect(app.heading).toBeFocused();
  }
  // Back walks the same way in reverse.
  for (const route of routes.slice(0, -1).reverse().slice(0, 3)) {
    await page.goBack();
    await expect(app.heading).toHaveText(route.heading);
  }
});

test('keyboard: skip link first, then every section by Tab and Enter', async ({ app, page }) => {
  await app.open('#/indicators');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/indicators$/);

  await page.reload();
  await expect(app.heading).toBeVisible();
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // Briefing
  await expect(app.navLink('Briefing')).toBeFocused();
  await page.keyboard.press('Tab'); // Indicators
  await page.keyboard.press('Tab'); // Risks
  await expect(app.navLink('Risks')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Risks and opportunities');
});

test('every link and button in the shell is at least 44 by 44 px', async ({ app, page }) => {
  await app.open('#/indicators');
  const targets = page.locator('nav a, main .button, main button, .page-tools button');
  const count = await targets.count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    const box = await targets.nth(i).boundingBox();
    expect(box, `target ${i} is visible`).not.toBeNull();
    expect(box!.height, `height of ${await targets.nth(i).textContent()}`).toBeGreaterThanOrEqual(44);
    expect(box!.width, `width of ${await targets.nth(i).textContent()}`).toBeGreaterThanOrEqual(44);
  }
});

test('every control on the complaints page is at least 44 by 44 px', async ({ app, page }) => {
  await app.open('#/complaints?procedure=adult_social_care&year=2017/18');
  const targets = page.locator('main .button, main button, main select, main summary, main .contents__list a');
  const count = await targets.count();
  expect(count).toBeGreaterThanOrEqual(15);
  for (let i = 0; i < count; i++) {
    const box = await targets.nth(i).boundingBox();
    expect(box, `target ${i} is visible`).not.toBeNull();
    expect(box!.height, `height of ${await targets.nth(i).textContent()}`).toBeGreaterThanOrEqual(44);
    expect(box!.width, `width of ${await targets.nth(i).textContent()}`).toBeGreaterThanOrEqual(44);
  }
});

test('the page does not scroll sideways', async ({ app, page }) => {
  const more = [
    '#/complaints?procedure=children_statutory&year=2017/18',
    '#/complaints/figures?procedure=adult_social_care&year=2017/18',
    '#/complaints/cases',
    '#/data/bring-in',
  ].map((fragment) => ({ fragment }));
  for (const route of [...routes, ...more]) {
    await app.open(route.fragment);
    // clientWidth, not innerWidth: a mobile browser widens innerWidth to fit overflowing content.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${route.fragment} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
