// Where a page's content starts and how long each page is, at tablet sizes:
// the figures the "first screen is content, not chrome" work is judged by.
// Usage: node scripts/layout.mjs [baseURL]   (serve dist/ first, as for screenshots.mjs)
import { chromium } from '@playwright/test';
import { executablePath, args } from '../tests/chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080/';
const sizes = [
  { name: '1024x768', width: 1024, height: 768 },
  { name: '768x1024', width: 768, height: 1024 },
];
// Each route, and the content whose top edge is measured (CSS selectors).
const probes = {
  '#/indicators': { 'first table': 'table.table--indicators', 'counts': '.count-bar', 'chosen period of first row': 'table.table--indicators tbody tr:first-child td:nth-child(2)' },
  '#/risks': { 'risk matrix': '[data-testid="matrix-risks"] .matrix__grid', 'what changed': '[data-testid="changes"]', register: '#register-heading' },
  '#/complaints': { 'first chart': 'figure, .chart' },
};
const browser = await chromium.launch({ executablePath, args });
for (const size of sizes) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  for (const [route, targets] of Object.entries(probes)) {
    await page.goto(base + route);
    await page.locator('main h1').waitFor();
    await page.waitForTimeout(300);
    const figures = await page.evaluate((targets) => {
      const out = { 'page height': document.documentElement.scrollHeight };
      for (const [name, selector] of Object.entries(targets)) {
        const el = document.querySelector(selector);
        if (!el) { out[name] = 'absent'; continue; }
        const box = el.getBoundingClientRect();
        out[name] = `y=${Math.round(box.top + scrollY)} x=${Math.round(box.left)}`;
      }
      return out;
    }, targets);
    console.log(`${size.name} ${route}: ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  }
  await context.close();
}
await browser.close();
