import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { baseURL } from '../../playwright.config';

test('on a PC (no share sheet): a copy downloads, then a mail draft says how to open it', async ({ app, page }) => {
  await app.open('#/data');
  await expect(page.getByTestId('share'), 'desktop Chromium cannot share files').toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Email a copy' }).click()]);
  expect(download.suggestedFilename()).toBe('lancashire-county-council-2019-06-30.json');
  expect(JSON.parse(readFileSync(await download.path(), 'utf8')).type).toBe('scrutineer-snapshot');

  const panel = page.getByTestId('email-draft');
  await expect(panel).toContainText('“lancashire-county-council-2019-06-30.json” is in your downloads');
  await expect(page.locator('#email-draft-heading')).toBeFocused();
  const href = await panel.getByRole('link', { name: 'Open an email draft' }).getAttribute('href');
  expect(href).toMatch(/^mailto:\?subject=/);
  const draft = new URLSearchParams(href!.slice('mailto:?'.length).replace(/\+/g, '%2B'));
  expect(draft.get('subject')).toBe(
    'Scrutineer pack: Lancashire County Council, Cabinet Committee on Performance Improvement as at 30 June 2019',
  );
  const body = draft.get('body')!;
  expect(body).toContain('Attached is lancashire-county-council-2019-06-30.json');
  expect(body, 'the recipient is sent to this app, not to a view of it').toContain(`go to ${baseURL} in a web browser`);
  expect(body).toContain('Choose Data, then "Open a snapshot file"');
  await app.expectNoAxeViolations();
});

test('on a tablet with a share sheet: the snapshot file itself, and nothing else, is handed to it', async ({ app, page }) => {
  // The device's share sheet, as a tablet's browser offers it: it records what it was asked and given.
  // iPad browsers share files only when the data holds files alone (no title, text or url).
  await page.addInitScript(() => {
    type Seen = { keys: string[]; files: { name: string; type: string; size: number }[] };
    const seen = (data?: ShareData): Seen => ({
      keys: Object.keys(data ?? {}).sort(),
      files: (data?.files ?? []).map((f) => ({ name: f.name, type: f.type, size: f.size })),
    });
    const record = { asked: [] as Seen[], shared: [] as Seen[] };
    (window as unknown as { record: typeof record }).record = record;
    navigator.canShare = (data?: ShareData) => {
      record.asked.push(seen(data));
      return Boolean(data?.files?.length);
    };
    navigator.share = async (data?: ShareData) => {
      record.shared.push(seen(data));
    };
  });
  await app.open('#/data');
  await expect(page.getByRole('button', { name: 'Email a copy' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Share…' }).click();
  await expect(page.getByTestId('statuses')).toContainText('Shared “lancashire-county-council-2019-06-30.json”.');
  type Seen = { keys: string[]; files: { name: string; type: string; size: number }[] };
  const record = await page.evaluate(() => (window as unknown as { record: { asked: Seen[]; shared: Seen[] } }).record);
  expect(record.shared).toHaveLength(1);
  expect(record.shared[0].keys, 'the share call passes files only').toEqual(['files']);
  expect(record.shared[0].files).toEqual([
    { name: 'lancashire-county-council-2019-06-30.json', type: 'application/json', size: expect.any(Number) },
  ]);
  expect(record.shared[0].files[0].size).toBeGreaterThan(50_000);
  // Whether the button is offered, and the check just before sharing, ask about files alone too.
  expect(record.asked.length).toBeGreaterThanOrEqual(2);
  for (const asked of record.asked) expect(asked.keys, 'canShare is asked about files only').toEqual(['files']);
});

test('copy link: any view, filters and all, goes to the clipboard', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await app.open('#/risks?band=High');
  await page.getByRole('button', { name: 'Copy link to this view' }).click();
  const link = `${baseURL}#/risks?band=High`;
  await expect(page.getByTestId('statuses')).toContainText(`Link copied: ${link}`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // The link opens the same view in a new tab.
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('main h1')).toHaveText('Risks and opportunities');
  await expect(other.getByTestId('register-results')).toHaveText(await page.getByTestId('register-results').textContent() ?? '');
});

test('where the browser will not copy, the link is shown to copy by hand', async ({ app, page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
  });
  await app.open('#/complaints');
  await page.getByRole('button', { name: 'Copy link to this view' }).click();
  await expect(page.getByTestId('statuses')).toContainText(
    `This browser would not copy the link. Select it here and copy it: ${baseURL}#/complaints`,
  );
  await expect(page.getByTestId('statuses')).not.toContainText('Link copied');
});

test('a full journey asks no other origin for anything, and the page forbids inline script', async ({ app, page, context, consoleErrors }) => {
  const asked: string[] = [];
  context.on('request', (request) => asked.push(request.url()));
  for (const fragment of ['#/indicators', '#/indicators/children-looked-after', '#/risks', '#/risks/CR1', '#/complaints', '#/pack', '#/help', '#/data']) {
    await app.open(fragment);
  }
  await page.getByRole('button', { name: 'Email a copy' }).click();
  const origins = new Set(asked.map((url) => new URL(url).origin));
  expect([...origins], 'every request went to this site').toEqual([new URL(baseURL).origin]);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("default-src 'none'");
  // An injected inline script is refused: the policy is in force, not only written.
  const refused = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.append(script);
      }),
  );
  expect(refused).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  // The browser logs the refusal as an error: this test's own doing, so it is taken off the list.
  const refusal = (e: string) => e.includes('Executing inline script violates the following Content Security Policy');
  await expect.poll(() => consoleErrors.filter(refusal).length).toBe(1);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !refusal(e)));
});
