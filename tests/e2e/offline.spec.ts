import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { baseURL } from '../../playwright.config';

/** Waits until the service worker has kept the app and controls the page. */
async function keptForOffline(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

async function saveOrganisation(page: Page, name: string) {
  await page.getByLabel('Organisation', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save pack details' }).click();
  await expect(page.getByTestId('organisation')).toHaveText(name);
}

const routes = [
  ['#/indicators', 'Performance indicators'],
  ['#/indicators/children-looked-after', null],
  ['#/enter', 'Enter figures'],
  ['#/risks', 'Risks and opportunities'],
  ['#/risks/CR1', null],
  ['#/risks/new', 'Add a risk or opportunity'],
  ['#/risks/bands', 'Score bands and risk appetite'],
  ['#/complaints', 'Complaints and compliments'],
  ['#/complaints/figures', null],
  ['#/complaints/cases', null],
  ['#/pack', 'Committee pack'],
  ['#/data', 'Data: open, save and share'],
  ['#/help', 'Help'],
] as const;

test('after one visit, the app opens with the network off: every route works and the data is there', async ({ app, page, context }) => {
  await app.open('#/data');
  await keptForOffline(page);
  await saveOrganisation(page, 'Offline Test Council');

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await expect(app.heading).toHaveText('Data: open, save and share');
  await expect(page.getByTestId('organisation')).toHaveText('Offline Test Council');

  for (const [fragment, heading] of routes) {
    await page.goto(`./${fragment}`);
    await expect(app.heading, fragment).toBeVisible();
    if (heading) await expect(app.heading, fragment).toHaveText(heading);
    await expect(app.heading, fragment).not.toHaveText('Page not found');
    await expect(page.getByTestId('organisation'), fragment).toHaveText('Offline Test Council');
  }
  // A cold start offline too: a new tab in the same browser.
  const fresh = await context.newPage();
  await fresh.goto('./#/risks');
  await expect(fresh.locator('main h1')).toHaveText('Risks and opportunities');
  await expect(fresh.getByTestId('organisation')).toHaveText('Offline Test Council');
  await context.setOffline(false);
});

test('a new version is offered, not forced; reloading into it keeps the data', async ({ page }, testInfo) => {
  // A copy of the built site of this test's own, so changing it disturbs no other test.
  const site = join('tests/e2e/.site', 'scrutineer');
  const name = `update-${testInfo.project.name}-${testInfo.workerIndex}`;
  const copy = join('tests/e2e/.site', name);
  rmSync(copy, { recursive: true, force: true });
  cpSync(site, copy, { recursive: true });
  try {
    const root = new URL(`../${name}/`, baseURL).href;
    await page.goto(`${root}#/data`);
    await keptForOffline(page);
    await saveOrganisation(page, 'Kept Through Updates');
    await expect(page.getByTestId('update-ready')).toHaveCount(0);

    // Deploy a "new version": the worker's bytes change, as at every build.
    const worker = join(copy, 'sw.js');
    writeFileSync(worker, readFileSync(worker, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
    // The server dates files to the second and answers 304 to "changed since?"
    // within the same second as the first copy, so the change is dated later,
    // as a real deployment's would be.
    const later = new Date(Date.now() + 60_000);
    utimesSync(worker, later, later);
    await page.reload();

    const offer = page.getByTestId('update-ready');
    // The new worker fetches and keeps every file of the app before it is offered: allow for a busy machine.
    await expect(offer).toContainText('A new version of Scrutineer is ready', { timeout: 20_000 });
    await expect(page.getByTestId('organisation'), 'the old version goes on working meanwhile').toHaveText('Kept Through Updates');

    await Promise.all([page.waitForEvent('load'), offer.getByRole('button', { name: 'Reload now' }).click()]);
    await expect(page.locator('main h1')).toHaveText('Data: open, save and share');
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    await expect(page.getByTestId('organisation')).toHaveText('Kept Through Updates');
    const version = await page.evaluate(async () => {
      const keys = await caches.keys();
      return keys;
    });
    expect(version, 'only the new version is kept').toEqual([expect.stringMatching(/-next$/)]);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('installable: the manifest names the app, its icons load, and it opens standalone', async ({ app, page, request }) => {
  await app.open();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href!, page.url());
  const manifest = await (await request.get(manifestUrl.href)).json();
  expect(manifest).toMatchObject({ name: 'Scrutineer', display: 'standalone', theme_color: '#0b0c0c' });
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL('#/indicators', baseURL).href);
  const sizes = [];
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()['content-type']).toBe(icon.type);
    sizes.push(icon.sizes);
  }
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
});
