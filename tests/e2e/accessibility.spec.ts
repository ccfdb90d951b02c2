// The accessibility statement: reached from every page's footer and from
// Help by keyboard, set out under GOV.UK's model headings, showing the
// council's contact once an officer gives it in the pack details.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, storageState } from './fixtures';

/** The statement's headings, in order, as GOV.UK's model sets them out. */
const HEADINGS = [
  'h1 Accessibility statement for Scrutineer',
  'h2 How accessible this app is',
  'h2 Feedback and contact information',
  'h2 Reporting accessibility problems with this app',
  'h2 Enforcement procedure',
  'h2 Technical information about this app’s accessibility',
  'h3 Compliance status',
  'h3 Non-accessible content',
  'h4 Non-compliance with the accessibility regulations',
  'h4 Disproportionate burden',
  'h4 Content that’s not within the scope of the accessibility regulations',
  'h2 What we’re doing to improve accessibility',
  'h2 Preparation of this accessibility statement',
];

const headings = (page: Page) =>
  page.locator('main').locator('h1, h2, h3, h4').evaluateAll((all) =>
    all.map((h) => `${h.tagName.toLowerCase()} ${h.textContent?.trim()}`),
  );

/** Presses `key` (Tab, or Shift+Tab) until `name` is focused (at most `limit` presses), then Enter. */
async function tabTo(page: Page, name: string, key = 'Tab', limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`“${name}” was not reached in ${limit} presses of Tab`);
}

test('the footer of every page leads to the statement by keyboard, and its headings follow the model', async ({ app, page }) => {
  await app.open('#/risks');
  // Shift+Tab from the top of the page goes to its last link: the footer's.
  await tabTo(page, 'Accessibility statement', 'Shift+Tab', 5);
  await expect(app.heading).toHaveText('Accessibility statement for Scrutineer');
  await expect(app.heading, 'focus moves to the new page for screen readers').toBeFocused();
  await expect(page).toHaveURL(/#\/accessibility$/);
  await expect(page).toHaveTitle('Accessibility statement – Scrutineer');
  await expect(app.nav.locator('[aria-current]'), 'the statement is in no section').toHaveCount(0);
  expect(await headings(page)).toEqual(HEADINGS);

  const main = page.locator('main');
  await expect(main).toContainText('This app is run by Lancashire County Council. We want as many people as possible to be able to use it.');
  await expect(page.getByTestId('compliance')).toHaveText(
    'This app is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.',
  );
  await expect(page.getByTestId('chart-contrast')).toContainText('turquoise (#28a197) 3.16 to 1, orange (#f46a25) 3.02 to 1');
  await expect(page.getByTestId('colour-alone')).toContainText('1.4.1 (use of colour)');
  await expect(main.getByRole('link', { name: 'contact the Equality Advisory and Support Service (EASS)' })).toHaveAttribute(
    'href',
    'https://www.equalityadvisoryservice.com/',
  );
  await expect(main).toContainText('The Equality and Human Rights Commission (EHRC) is responsible for enforcing');
  await expect(page.getByTestId('prepared')).toHaveText(
    'This statement was prepared on 1 December 2026. It was last reviewed on 1 December 2026.',
  );
  await expect(main).toContainText('scan every page with axe-core');
  await app.expectNoAxeViolations();

  // Every page's footer has the link.
  for (const fragment of ['#/indicators', '#/data', '#/pack']) {
    await app.open(fragment);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute('href', '#/accessibility');
  }
});

test('Help leads to the statement by keyboard', async ({ app, page }) => {
  await app.open('#/help');
  await page.locator('main h1').focus();
  await tabTo(page, 'accessibility statement');
  await expect(app.heading).toHaveText('Accessibility statement for Scrutineer');
  await expect(app.heading).toBeFocused();
  await page.goBack();
  await expect(app.heading).toHaveText('Help');
});

test('without a contact the statement says so and where an officer gives one; once given, it is shown as a link', async ({ app, page }) => {
  await app.open('#/accessibility');
  const contact = page.getByTestId('accessibility-contact');
  await expect(contact).toHaveText(
    'Lancashire County Council has not given an accessibility contact yet, so this statement cannot yet say how to report a problem to the council.',
  );

  // The link leads to the pack details, where the officer gives it.
  await page.getByTestId('pack-details-link').click();
  await expect(app.heading).toHaveText('Data: open, save and share');
  const box = page.getByLabel('Accessibility contact (optional)');
  await expect(box).toHaveAccessibleDescription(/One email address, phone number or web address/);

  // Too long is refused at the field, saying why, and nothing is saved.
  const before = await storageState(page);
  await box.fill(`https://anytown.gov.uk/${'a'.repeat(200)}`);
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.locator('#details-errors')).toBeFocused();
  await expect(page.locator('#details-errors')).toContainText('The accessibility contact must be 200 characters or fewer; it has 223.');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(await storageState(page)).toEqual(before);

  await box.fill('  accessibility@lancashire.gov.uk ');
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('notices-pack-details')).toContainText('Saved the pack details');
  await expect(page.getByTestId('what-is-open')).toContainText('accessibility@lancashire.gov.uk');

  await app.open('#/accessibility');
  await expect(contact).toHaveText(
    'If you find a problem not listed on this page, or you need any part of this pack in a different format such as large print, audio or braille, email Lancashire County Council: accessibility@lancashire.gov.uk',
  );
  await expect(contact.getByRole('link', { name: 'accessibility@lancashire.gov.uk' })).toHaveAttribute(
    'href',
    'mailto:accessibility@lancashire.gov.uk',
  );
  await expect(page.getByTestId('pack-details-link')).toHaveCount(0);
  await app.expectNoAxeViolations();

  // Kept on this device, and in the file a copy is downloaded as.
  await page.reload();
  await expect(contact).toContainText('accessibility@lancashire.gov.uk');
  await app.open('#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.snapshot.accessibility_contact).toBe('accessibility@lancashire.gov.uk');
});

test('the statement’s links and the footer link are at least 44 px tall, or sit in a sentence', async ({ app, page }) => {
  await app.open('#/accessibility');
  const targets = page.locator('nav a, .page-tools button, main a, main .button, main button, .site-footer__links a');
  const count = await targets.count();
  expect(count).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < count; i++) {
    const target = targets.nth(i);
    const box = await target.boundingBox();
    expect(box, `target ${i} is visible`).not.toBeNull();
    // A link in a sentence is exempt from the minimum (WCAG 2.5.8, inline); one on its own line is not.
    const inline = await target.evaluate((el) => el.closest('main p, main li') !== null && getComputedStyle(el).display === 'inline');
    if (inline) continue;
    expect(box!.height, `height of ${await target.textContent()}`).toBeGreaterThanOrEqual(44);
    expect(box!.width, `width of ${await target.textContent()}`).toBeGreaterThanOrEqual(44);
  }
});
