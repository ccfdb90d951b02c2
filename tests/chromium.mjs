// How every test tool starts Chromium here: Debian's build (no browser download)
// with no background connections (the machine's network is closed). Used by
// playwright.config.ts and bench/run.mjs.
export const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
