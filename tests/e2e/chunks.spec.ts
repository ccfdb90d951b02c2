import type { Page } from '@playwright/test';
import { test, expect, press, storageState, stored } from './fixtures';

// A first visit before the service worker keeps the app: every chunk comes
// from the network (the offline journeys cover chunks kept by the worker).
test.use({ serviceWorkers: 'block' });

/** The page chunks (wasm) this page has fetched itself, by group name. */
async function chunksFetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname.split('/').pop()!)
      .filter((name) => /-split_[a-z_]+-[0-9a-f]+\.wasm$/.test(name))
      .map((name) => name.replace(/^.*-split_([a-z_]+)-[0-9a-f]+\.wasm$/, '$1')),
  );
}

test('the first load carries only the landing page; a section’s code arrives when it is first opened, and focus moves to its heading', async ({ app, page }, info) => {
  await app.open('#/indicators');
  await expect(app.heading).toHaveText('Performance indicators');
  expect(await chunksFetched(page)).toEqual([]);

  await press(app.navLink('Risks'), info);
  await expect(app.heading).toHaveText('Risks and opportunities');
  await expect(app.heading).toBeFocused();
  expect(await chunksFetched(page)).toEqual(['reading']);

  // The same chunk holds the other reading pages: nothing more is fetched.
  await press(app.navLink('Complaints'), info);
  await expect(app.heading).toHaveText('Complaints and compliments');
  await expect(app.heading).toBeFocused();
  expect(await chunksFetched(page)).toEqual(['reading']);

  // An officer's page is in another chunk.
  await press(app.navLink('Data'), info);
  await expect(app.heading).toHaveText('Data: open, save and share');
  expect((await chunksFetched(page)).sort()).toEqual(['editing', 'reading']);
});

test('a page whose code cannot be fetched says so, changes nothing, and opens when tried again with the connection back', async ({ app, page, context, consoleErrors }, info) => {
  await app.open('#/indicators');
  const before = await storageState(page).then((s) => JSON.stringify(s));
  const chunk = /-split_reading-[0-9a-f]+\.wasm$/;
  let refused = 0;
  await context.route(chunk, (route) => {
    refused += 1;
    return route.abort('internetdisconnected');
  });
  // The browser reports each refused fetch; nothing else may go wrong.
  const refusal = (e: string) => /ERR_INTERNET_DISCONNECTED|Failed to fetch|TypeError: Failed/.test(e);
  const forgiveRefusals = () => consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !refusal(e)));

  await press(app.navLink('Risks'), info);
  await expect(app.heading).toHaveText('This page could not be loaded');
  await expect(page.getByText('Check the connection, then try again.', { exact: false })).toBeVisible();
  expect(refused).toBeGreaterThan(0);
  expect(await storageState(page).then((s) => JSON.stringify(s))).toBe(before);

  // Still no connection: trying again fetches again and says the same.
  const tries = refused;
  await press(page.getByRole('button', { name: 'Try again' }), info);
  await expect.poll(() => refused).toBeGreaterThan(tries);
  await expect(app.heading).toHaveText('This page could not be loaded');
  await app.expectNoAxeViolations();

  // The landing page still works meanwhile.
  await press(app.navLink('Indicators'), info);
  await expect(app.heading).toHaveText('Performance indicators');
  await press(app.navLink('Risks'), info);
  await expect(app.heading).toHaveText('This page could not be loaded');

  await context.unroute(chunk);
  await press(page.getByRole('button', { name: 'Try again' }), info);
  await expect(app.heading).toHaveText('Risks and opportunities');
  await expect(page.getByRole('table').first()).toBeVisible();
  expect(await storageState(page).then((s) => JSON.stringify(s))).toBe(before);
  forgiveRefusals();
});

const KEY = 'scrutineer.snapshot';
const VERSION_1 = JSON.stringify({
  type: 'scrutineer-store',
  version: 1,
  revision: 4,
  snapshot: { organisation: 'Older Format Borough Council', title: 'Scrutiny pack', as_at: '2019-06-30' },
});

test('data saved by an older version is read by the careful reader, fetched only for it, and brought up to date', async ({ app, page }) => {
  await app.open('#/indicators');
  expect(await chunksFetched(page)).toEqual([]);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, VERSION_1]);
  await page.reload();
  await expect(page.getByTestId('organisation')).toHaveText('Older Format Borough Council');
  await expect(page.getByRole('status').filter({ hasText: 'brought up to date' })).toBeVisible();
  expect(await chunksFetched(page)).toEqual(['careful']);
});

test('when the careful reader cannot be fetched, older saved data is left exactly as it was and the app says so instead of starting', async ({ app, page, context, consoleErrors }, info) => {
  await app.open('#/indicators');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, VERSION_1]);
  const careful = /-split_careful-[0-9a-f]+\.wasm$/;
  await context.route(careful, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(app.heading).toHaveText('Scrutineer could not open your saved data');
  await expect(page.getByText('Your data has not been changed.', { exact: false })).toBeVisible();
  await expect(app.nav).toHaveCount(0);
  // Moved into IndexedDB at load, byte for byte, and not rewritten.
  expect(await stored(page)).toBe(VERSION_1);
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
  await app.expectNoAxeViolations();
  const refusal = (e: string) => /ERR_INTERNET_DISCONNECTED|Failed to fetch|TypeError: Failed/.test(e);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !refusal(e)));

  await context.unroute(careful);
  await press(page.getByRole('button', { name: 'Reload' }), info);
  await expect(page.getByTestId('organisation')).toHaveText('Older Format Borough Council');
});
