import { chromium } from '@playwright/test';
import { executablePath, args } from './tests/chromium.mjs';
const base = 'http://127.0.0.1:8080/';
const browser = await chromium.launch({ executablePath, args });
for (const size of [{ n: 'landscape', width: 1024, height: 768 }, { n: 'portrait', width: 768, height: 1024 }]) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const shot = async (name) => { await page.waitForTimeout(200); await page.screenshot({ path: `target/screenshots/${size.n}-${name}.png` }); };
  await page.goto(base + '#/indicators'); await page.locator('main h1').waitFor(); await shot('indicators');
  await page.goto(base + '#/risks'); await page.locator('main h1').waitFor(); await shot('risks');
  await page.goto(base + '#/enter'); await page.locator('main h1').waitFor();
  await page.locator('#enter-period').fill('Q1 2019/20');
  await page.locator('#enter-children-looked-after').tap(); await page.keyboard.type('2,800 / 113.0');
  await page.locator('#enter-children-looked-after').scrollIntoViewIfNeeded(); await shot('enter');
  await page.goto(base + '#/data'); await page.locator('main h1').waitFor();
  await page.getByTestId('start-empty').tap(); await page.getByTestId('confirm-replace').scrollIntoViewIfNeeded(); await shot('start-empty');
  await page.locator('#empty-organisation').fill('Anytown Borough Council'); await page.locator('#empty-title').fill('Overview and Scrutiny');
  await page.getByTestId('confirm-replace-button').tap(); await page.getByTestId('started-empty').scrollIntoViewIfNeeded(); await shot('started');
  await page.goto(base + '#/indicators'); await page.locator('main h1').waitFor(); await shot('empty-indicators');
  await page.evaluate(() => localStorage.clear());
  await page.goto(base + '#/risks/new'); await page.reload(); await page.locator('main h1').waitFor();
  await page.locator('#new-inherent-impact').scrollIntoViewIfNeeded(); await shot('new-entry');
  await page.goto(base + '#/risks/bands?for=opportunities'); await page.locator('main h1').waitFor(); await shot('bands');
  await page.goto(base + '#/indicators/children-looked-after'); await page.locator('main h1').waitFor();
  await page.getByRole('heading', { name: 'Comparators' }).last().scrollIntoViewIfNeeded().catch(() => {}); await shot('indicator-comparators');
  await page.locator('#edit-amber_within').scrollIntoViewIfNeeded().catch(() => {}); await shot('indicator-tolerance');
  await context.close();
}
await browser.close();
