import { test as base, expect, type Page, type Locator, type TestInfo } from '@playwright/test';
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

/** The record under `key` as the app keeps it (IndexedDB "scrutineer", store "records"), or null. */
export async function stored(page: Page, key = 'scrutineer.snapshot'): Promise<string | null> {
  const all = await page.evaluate(readRecords);
  return all[key] ?? null;
}

/** Every record the app keeps in IndexedDB, by key (in the page, so it is self-contained). */
function readRecords(): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('scrutineer');
    // No database yet: nothing stored, and none is made by looking.
    open.onupgradeneeded = () => open.transaction!.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve({}) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('records')) {
        db.close();
        return resolve({});
      }
      const all: Record<string, string> = {};
      const cursor = db.transaction('records').objectStore('records').openCursor();
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) {
          db.close();
          return resolve(all);
        }
        all[String(at.key)] = at.value as string;
        at.continue();
      };
    };
  });
}

/** Every key and value the app keeps (local storage and the records), to prove a failed action changed nothing. */
export async function storageState(page: Page): Promise<Record<string, string>> {
  const records = await page.evaluate(readRecords);
  const local = await page.evaluate(() => {
    const all: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      all[key] = localStorage.getItem(key)!;
    }
    return all;
  });
  // Records under their own keys; one still in local storage (not moved) as "local:<key>".
  const all: Record<string, string> = {};
  for (const [key, value] of Object.entries(local)) all[key in records ? `local:${key}` : key] = value;
  return { ...all, ...records };
}

/** Whether the project is a touch screen. */
export const touch = (info: TestInfo) => !!info.project.use.hasTouch;

/** A tap on a touch screen, a click elsewhere. */
export async function press(target: Locator, info: TestInfo) {
  if (touch(info)) await target.tap();
  else await target.click();
}

/** A finger put down at the middle of `box` and moved 250 px up the screen (CDP touch events). */
export async function swipeUp(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const cdp = await page.context().newCDPSession(page);
  const x = Math.round(box.x + box.width / 2);
  const y = Math.round(box.y + box.height / 2);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 25 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Forgets everything the app keeps, as a fresh device: local storage now, the records once the page is reloaded (the open page holds the database). */
export async function forget(page: Page) {
  await page.evaluate(() => {
    localStorage.clear();
    indexedDB.deleteDatabase('scrutineer');
  });
}
