import { test as base, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The app as a person sees it: the shell and its sections. */
export class Scrutineer {
  constructor(readonly page: Page) {}

  /** Opens a route such as `#/risks` and waits for the app to render its heading. */
  async open(fragment = '') {
    await this.page.goto(`./${fragment}`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** Fails with a readable list when axe finds any WCAG 2.2 A/AA violation. */
  async expectNoAxeViolations() {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
    expect(summary, 'axe-core violations').toEqual([]);
  }
}

/**
 * Every test gets the app, and fails if the page logged an error or threw
 * (a breach of the Content-Security-Policy is logged as an error), or if
 * anything in the browser asked another origin for anything.
 */
export const test = base.extend<{ app: Scrutineer; consoleErrors: string[]; otherOrigins: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
  otherOrigins: async ({ context, baseURL }, use) => {
    const home = new URL(baseURL!).origin;
    const elsewhere: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      const local = url.origin === home || ['data:', 'blob:', 'about:'].includes(url.protocol);
      if (!local) elsewhere.push(request.url());
    });
    await use(elsewhere);
    expect(elsewhere, 'requests to other origins').toEqual([]);
  },
  app: async ({ page, consoleErrors, otherOrigins }, use) => {
    void consoleErrors;
    void otherOrigins;
    await use(new Scrutineer(page));
  },
});

export { expect };
