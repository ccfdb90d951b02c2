import { defineConfig } from '@playwright/test';

import { executablePath, args } from './tests/chromium.mjs';

const launchOptions = { executablePath, args };

const port = 4173;
// Served from a sub-path, as on a council intranet, so relative asset URLs are proven.
export const baseURL = `http://127.0.0.1:${port}/scrutineer/`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/playwright/output',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A safety net against a hang, not a measure of speed (bench/ measures
  // that): a long journey with its axe scans took up to 32 s at tablet
  // portrait on a 2-core machine running two workers.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'target/playwright/results.json' }]],
  use: { baseURL, launchOptions, trace: 'retain-on-failure' },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    {
      name: 'tablet-landscape',
      use: { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true },
    },
    {
      name: 'tablet-portrait',
      use: { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true },
    },
  ],
  webServer: {
    // A plain static server with no rewrite rules: what any host offers.
    command:
      'rm -rf tests/e2e/.site && mkdir -p tests/e2e/.site && cp -r dist tests/e2e/.site/scrutineer' +
      ` && exec python3 -m http.server ${port} --bind 127.0.0.1 --directory tests/e2e/.site`,
    url: baseURL,
    reuseExistingServer: false,
    stderr: 'ignore', // the server logs every request there
    timeout: 30_000,
  },
});
