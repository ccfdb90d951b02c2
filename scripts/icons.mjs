// Draws the app's PNG icons (for the web app manifest: home screens want PNGs
// at 192 and 512 px) from public/icon.svg, in headless Chromium. Run it after
// changing the icon: node scripts/icons.mjs
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { executablePath, args } from '../tests/chromium.mjs';

const svg = readFileSync(new URL('../public/icon.svg', import.meta.url), 'utf8');
// A maskable icon fills its square; the launcher crops it to its own shape, so
// the mark is shrunk into the middle 70% (the safe zone is a circle of 80%).
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0b0c0c"/><g transform="translate(9.6 9.6) scale(0.7)">${svg
  .replace(/^<svg[^>]*>/, '')
  .replace(/<\/svg>$/, '')
  .replace('rx="10" ', '')}</g></svg>`;

const browser = await chromium.launch({ executablePath, args });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [name, markup, size] of [
  ['icon-192.png', svg, 192],
  ['icon-512.png', svg, 512],
  ['icon-maskable-512.png', maskable, 512],
]) {
  await page.setViewportSize({ width: size, height: size });
  const sized = markup.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
  await page.screenshot({ path: new URL(`../public/${name}`, import.meta.url).pathname, omitBackground: true });
  console.log(`public/${name}`);
}
await browser.close();
