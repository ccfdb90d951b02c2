// The engines other than Chromium, driven over WebDriver: WebKit (the
// engine of every browser on an iPad; WebKitGTK's WebKitWebDriver and its
// MiniBrowser) and Firefox (geckodriver with Firefox ESR). Starts what each
// needs (a virtual display for WebKit, the drivers, a static server for the
// built app) and ends it all; every start is bounded by a timeout with a
// message that says what did not start, never a hang.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Builder } from 'selenium-webdriver';

const ROOT = new URL('../..', import.meta.url).pathname;
export const SITE_PORT = 4180;
export const BASE = `http://127.0.0.1:${SITE_PORT}/scrutineer/`;

const children = [];
/** Ends every process started here and whatever they started (a driver's browser). */
export function stopAll() {
  for (const child of children.splice(0)) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopAll);

function start(command, args, env = {}) {
  // Each in a process group of its own, so that ending it ends its children too.
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let errors = '';
  child.stderr.on('data', (d) => { errors = (errors + d).slice(-2000); });
  child.lastErrors = () => errors;
  children.push(child);
  return child;
}

async function until(what, test, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return;
    await sleep(100);
  }
  throw new Error(`${what} did not start within ${ms / 1000} s`);
}

async function answers(url) {
  try {
    const r = await fetch(url);
    return r.status < 500;
  } catch {
    return false;
  }
}

/** Serves dist/ under /scrutineer/, as the Playwright journeys do. */
export async function serveApp() {
  const site = join(ROOT, 'target/webdriver-site');
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ has no built app: run scripts/build first');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  cpSync(join(ROOT, 'dist'), join(site, 'scrutineer'), { recursive: true });
  start('python3', ['-m', 'http.server', String(SITE_PORT), '--bind', '127.0.0.1', '--directory', site]);
  await until('The static server for the app', () => answers(BASE), 15_000);
}

/** A display for WebKit: the one given, or a virtual one (Xvfb) of our own. */
async function display() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  const number = 99;
  const socket = `/tmp/.X11-unix/X${number}`;
  const lock = `/tmp/.X${number}-lock`;
  // A display left by an Xvfb that has since ended would make WebKit hang.
  const alive = () => {
    try {
      process.kill(Number(readFileSync(lock, 'utf8').trim()), 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) {
    rmSync(lock, { force: true });
    rmSync(socket, { force: true });
    start('Xvfb', [`:${number}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
    await until('Xvfb (the virtual display WebKit needs)', () => existsSync(socket) && alive(), 15_000);
  }
  return `:${number}`;
}

function minibrowser() {
  const found = execFileSync('sh', ['-c', 'ls /usr/lib/*/webkit2gtk-4.*/MiniBrowser 2>/dev/null | head -n 1']).toString().trim();
  if (!found) throw new Error('WebKitGTK\'s MiniBrowser is not installed (Debian package webkit2gtk-driver): run scripts/setup');
  return found;
}

/** geckodriver: as given, on the PATH (scripts/env.sh adds cargo's bin), or in ~/.cargo/bin. */
function geckodriverPath() {
  if (process.env.GECKODRIVER) return process.env.GECKODRIVER;
  try {
    return execFileSync('sh', ['-c', 'command -v geckodriver']).toString().trim();
  } catch {
    return join(process.env.CARGO_HOME ?? join(process.env.HOME ?? '/root', '.cargo'), 'bin/geckodriver');
  }
}

export const ENGINES = {
  webkit: {
    label: 'WebKit (WebKitGTK MiniBrowser)',
    async driver() {
      const DISPLAY = await display();
      const port = 4445;
      const driver = start('/usr/bin/WebKitWebDriver', [`--port=${port}`], { DISPLAY });
      await until('WebKitWebDriver', () => answers(`http://127.0.0.1:${port}/status`), 15_000);
      return { server: `http://127.0.0.1:${port}`, process: driver, capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: minibrowser(), args: ['--automation', '--geometry=1024x768'] },
      } };
    },
  },
  firefox: {
    label: 'Firefox ESR',
    async driver() {
      const port = 4444;
      const gecko = geckodriverPath();
      if (!existsSync(gecko)) throw new Error(`geckodriver is not at ${gecko}: run scripts/setup`);
      const driver = start(gecko, ['--port', String(port), '--host', '127.0.0.1']);
      await until('geckodriver', () => answers(`http://127.0.0.1:${port}/status`), 15_000);
      return { server: `http://127.0.0.1:${port}`, process: driver, capabilities: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: '/usr/bin/firefox-esr',
          args: ['-headless', '--width=1024', '--height=768'],
          prefs: { 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
        },
      } };
    },
  },
};

/** A WebDriver session in `engine`, or a clear error within `ms`. */
export async function session(engine, ms = 60_000) {
  const { server, capabilities, process: driverProcess } = await ENGINES[engine].driver();
  const built = new Builder().usingServer(server).withCapabilities(capabilities).build();
  const timeout = sleep(ms).then(() => {
    throw new Error(`${ENGINES[engine].label} gave no session within ${ms / 1000} s (a WebKit session without a display hangs). Driver said: ${driverProcess.lastErrors() || 'nothing'}`);
  });
  const driver = await Promise.race([built, timeout]);
  await driver.manage().setTimeouts({ implicit: 0, pageLoad: 30_000, script: 15_000 });
  return driver;
}

/** The versions of the engines and drivers, for the record. */
export function versions() {
  const run = (cmd, args) => {
    try { return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split('\n')[0].trim(); } catch { return 'not found'; }
  };
  const gecko = geckodriverPath();
  return {
    firefox: run('/usr/bin/firefox-esr', ['--version']),
    geckodriver: run(gecko, ['--version']),
    webkit: run('sh', ['-c', "dpkg-query -W -f='WebKitGTK ${Version}' webkit2gtk-driver"]),
  };
}
