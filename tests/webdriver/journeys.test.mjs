// Journeys in WebKit (the iPad's engine) and Firefox, over WebDriver, run by
// node's own test runner: `node --test tests/webdriver/` (scripts/test runs
// it after the Chromium journeys). One session per engine, so one profile:
// what is saved before a reload is there after it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { By, Key, until } from 'selenium-webdriver';
import { BASE, ENGINES, serveApp, session, stopAll, versions } from './engines.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const engines = (process.env.ENGINES ?? 'webkit,firefox').split(',').filter(Boolean);

before(async () => {
  await serveApp();
  console.log(`engines: ${JSON.stringify(versions())}`);
});
after(stopAll);

for (const engine of engines) {
  describe(ENGINES[engine].label, () => {
    let driver;

    /** Opens a route, waits for its heading, and starts collecting script errors in the page. */
    async function open(fragment) {
      // A change of fragment alone does not reload the page: wait for the new view's heading.
      const was = await driver.executeScript(
        "const h = document.querySelector('main h1'); return [location.hash, h ? h.textContent : null]",
      );
      await driver.get(BASE + fragment);
      try {
        await driver.wait(async () => {
          const [hash, heading] = await driver.executeScript(
            "const h = document.querySelector('main h1'); return [location.hash, h ? h.textContent : null]",
          );
          // The empty fragment is the indicators' page: going from it to
          // #/indicators changes the address only, not the view.
          const route = (h) => (/^#?\/?$/.test(h) ? '#/indicators' : h);
          return heading !== null && hash === fragment && (route(was[0]) === route(fragment) || heading !== was[1]);
        }, 20_000);
      } catch (e) {
        // Say what the page shows instead (still loading, an error, blank), for issue 17's faults.
        const shown = await driver
          .executeScript(
            "return [location.href, document.readyState, String(document.body ? document.body.innerText : '').slice(0, 400), [...document.scripts].map((s) => s.src.split('/').pop()).join(' ')]",
          )
          .catch((why) => [`the page did not answer: ${why}`]);
        throw new Error(`no heading for ${fragment}: ${e.name}; the page shows ${JSON.stringify(shown)}`);
      }
      const heading = await driver.findElement(By.css('main h1'));
      await driver.executeScript(`
        if (!window.__errors) {
          window.__errors = [];
          addEventListener('error', (e) => window.__errors.push(String(e.message || e) + (e.error && e.error.stack ? ' at ' + String(e.error.stack).slice(0, 1500) : '')));
          addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
        }`);
      return heading;
    }

    /**
     * Activates a button from the keyboard (focus, then Enter), as a keyboard
     * user does. WebKitGTK's driver computes a click's point before its own
     * scroll into view, so a mouse click can land beside the button; the
     * Chromium journeys tap and click.
     */
    async function press(element) {
      await driver.executeScript('arguments[0].focus()', element);
      await element.sendKeys(Key.ENTER);
    }

    const text = async (css) => (await driver.findElement(By.css(css))).getText();
    const errors = () => driver.executeScript('return window.__errors || []');

    async function waitForText(css, words, what) {
      let seen = [];
      try {
        await driver.wait(async () => {
          const found = await driver.findElements(By.css(css));
          seen = [];
          for (const el of found) {
            const shown = await el.getText();
            seen.push(shown.slice(0, 200));
            if (shown.includes(words)) return true;
          }
          return false;
        }, 10_000);
      } catch (e) {
        const url = await driver.getCurrentUrl();
        throw new Error(`${what}: no “${words}” in ${css} at ${url}; it shows ${JSON.stringify(seen)}`);
      }
    }

    before(async () => {
      driver = await session(engine);
      await driver.get(BASE);
      await driver.executeScript('localStorage.clear()');
    });
    after(async () => {
      await driver?.quit();
    });

    it('renders every route, with nothing left loading and no script error', async () => {
      for (const route of ['#/indicators', '#/risks', '#/complaints', '#/pack', '#/data', '#/help', '#/enter', '#/risks/bands', '#/data/bring-in', '#/compare']) {
        const heading = await open(route);
        assert.notEqual((await heading.getText()).trim(), '', `${route} has a heading`);
        const body = await text('body');
        assert.ok(!/^\s*Loading/m.test(body), `${route} is not still loading`);
        assert.deepEqual(await errors(), [], `${route}: script errors`);
      }
    });

    it('shows the demo pack’s key figures', async () => {
      await open('#/indicators');
      await waitForText('tr[data-indicator="children-looked-after"]', '2,096 / 84.6', 'the CLA rate');
      await waitForText('[data-testid="standing-counts"]', '2', 'the counts');
      await open('#/risks');
      assert.equal(await text('[data-testid="matrix-risks"] [data-cell="4-3"] .matrix__count'), '7');
      await open('#/complaints');
      await waitForText('main', '540', 'the 2017/18 adult complaints');
      assert.deepEqual(await errors(), []);
    });

    it('opens a snapshot file through the Data page and previews it before anything changes', async () => {
      await open('#/data');
      const dir = mkdtempSync(join(tmpdir(), 'scrutineer-'));
      const file = join(dir, 'anytown.json');
      writeFileSync(file, readFileSync(join(ROOT, 'tests/bad-files/good.json')));
      await driver.findElement(By.css('[data-testid="file-input"]')).sendKeys(file);
      await waitForText('[data-testid="import-preview"]', 'Anytown Borough Council', 'the preview');
      assert.equal(await text('[data-testid="organisation"]'), 'Lancashire County Council', 'nothing replaced before confirming');
      await press(await driver.findElement(By.css('[data-testid="confirm-import"]')));
      await waitForText('[data-testid="organisation"]', 'Anytown Borough Council', 'the header after opening');
      await press(await driver.findElement(By.xpath('//button[normalize-space()="Undo import"]')));
      await waitForText('[data-testid="organisation"]', 'Lancashire County Council', 'the header after undo');
      assert.deepEqual(await errors(), []);
    });

    it('types over a held figure, never after it, and lists the change before saving', async () => {
      await open('#/enter');
      const period = await driver.findElement(By.css('#enter-period'));
      await driver.executeScript('arguments[0].focus(); arguments[0].select()', period);
      await period.sendKeys('Q1 2019/20');
      const cla = await driver.findElement(By.css('#enter-children-looked-after'));
      await driver.wait(async () => (await cla.getAttribute('value')) === '2,096 / 84.6', 10_000, 'the held figure shows once the period reads');
      await driver.executeScript('arguments[0].focus()', cla);
      await cla.sendKeys('2,800 / 113.0');
      assert.equal(await cla.getAttribute('value'), '2,800 / 113.0', 'typing replaces the held figure');
      await waitForText('#enter-children-looked-after-change', 'Changes 2,096 / 84.6 to 2,800 / 113.0', 'the change');
      await open('#/indicators');
      await waitForText('tr[data-indicator="children-looked-after"]', '2,096 / 84.6', 'nothing saved without Save');
      assert.deepEqual(await errors(), []);
    });

    it('keeps a figure entered through the form after a reload', async () => {
      await open('#/enter');
      const box = await driver.findElement(By.css('#enter-contacts'));
      assert.equal(await box.getAttribute('value'), '', 'nothing held for Q2 2019/20');
      await box.sendKeys('9,800');
      await waitForText('#enter-contacts-change', 'New figure: 9,800', 'the change against the held figure');
      await press(await driver.findElement(By.xpath('//button[normalize-space()="Save figures"]')));
      await driver.wait(until.urlContains('#/indicators?period=Q2'), 10_000);
      await waitForText('tr[data-indicator="contacts"]', '9,800', 'the saved figure');
      await driver.navigate().refresh();
      await driver.wait(until.elementLocated(By.css('main h1')), 20_000);
      await waitForText('tr[data-indicator="contacts"]', '9,800', 'the figure after a reload');
    });

    it('moves a risk by keyboard only with Edit positions on, with its reason, and undoes it', async () => {
      await open('#/risks');
      const marker = () => driver.findElement(By.css('[data-testid="matrix-risks"] .matrix__grid [data-entry="CR10"]'));
      await driver.executeScript('arguments[0].focus()', await marker());
      await driver.actions().sendKeys(Key.ARROW_DOWN).perform();
      assert.equal((await driver.findElements(By.css('.matrix__cell--target'))).length, 0, 'read-only by default: the arrow keys point nowhere');
      await press(await driver.findElement(By.css('[data-testid="edit-positions"]')));
      assert.equal(await driver.findElement(By.css('[data-testid="edit-positions"]')).getAttribute('aria-checked'), 'true');
      await driver.executeScript('arguments[0].focus()', await marker());
      await driver.actions().sendKeys(Key.ARROW_DOWN, Key.ENTER).perform();
      await waitForText('[data-testid="move-panel-risks"]', 'Move CR10 from 16 (Major/Likely) to 12 (Moderate/Likely)?', 'the move panel');
      const reason = await driver.findElement(By.css('#move-reason-risks'));
      await reason.sendKeys('Troubled Families funding confirmed', Key.ENTER);
      await waitForText('[data-testid="matrix-risks"] [data-cell="3-4"]', 'CR10', 'the moved marker');
      await press(await driver.findElement(By.xpath('//div[@role="status"]//button[normalize-space()="Undo"]')));
      await waitForText('[data-testid="matrix-risks"] [data-cell="4-4"]', 'CR10', 'the marker back after undo');
      assert.deepEqual(await errors(), []);
    });

    it('is controlled by the offline service worker after the first visit', async () => {
      await open('#/indicators');
      await driver.wait(() => driver.executeScript('return navigator.serviceWorker && navigator.serviceWorker.ready.then(() => true)'), 20_000, 'the service worker is ready');
      // Opened again, as from a bookmark or the home screen. (A driver's reload is a
      // forced one in Firefox, which by the standard bypasses service workers.)
      await driver.get('about:blank');
      await driver.get(BASE + '#/indicators');
      await driver.wait(until.elementLocated(By.css('main h1')), 20_000);
      await driver.wait(() => driver.executeScript('return !!navigator.serviceWorker.controller'), 10_000, 'the page is controlled by the service worker');
      const script = await driver.executeScript('return navigator.serviceWorker.controller.scriptURL');
      assert.match(script, /\/scrutineer\/sw\.js$/);
    });
  });
}
