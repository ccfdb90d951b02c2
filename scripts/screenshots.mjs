// Screenshots of every route at desktop and tablet sizes, for looking at what
// a person sees. Usage: node scripts/screenshots.mjs [baseURL] [outDir] [routes...]
// Serve dist/ first (scripts/run, or python3 -m http.server --directory dist 8080).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { executablePath, args } from '../tests/chromium.mjs';

const [base = 'http://127.0.0.1:8080/', out = 'target/screenshots', ...given] = process.argv.slice(2);
const routes = given.length ? given : ['#/indicators', '#/risks', '#/complaints', '#/pack', '#/data', '#/help', '#/accessibility', '#/nowhere'];
const sizes = [
  { name: 'desktop', width: 1280, height: 800, touch: false },
  { name: 'landscape', width: 1024, height: 768, touch: true },
  { name: 'portrait', width: 768, height: 1024, touch: true },
];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath, args });
for (const size of sizes) {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch,
  });
  const page = await context.newPage();
  for (const route of routes) {
    await page.goto(base + route);
    await page.locator('main h1').waitFor();
    const file = `${out}/${size.name}-${route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '')}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
  }
  await context.close();
}
// The committee pack as it prints, for looking at page by page (pdftoppm makes PNGs).
const page = await browser.newPage();
await page.goto(base + '#/pack');
await page.locator('main h1').waitFor();
await page.pdf({ path: `${out}/pack.pdf`, format: 'A4', printBackground: true });
console.log(`${out}/pack.pdf`);
await browser.close();
