import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';

/**
 * The app embedded in the EHR (issue 14, point 7): in an iframe of the demo EHR page (the EHR's
 * origin listed in config.json `frameAncestors`, so the CSP's frame-ancestors and the app's own
 * framing check allow it), and two instances side by side in one browser tab for two patients: each
 * frame stays on its own patient across reloads (fhirclient's session key stays in each frame's URL,
 * not in the tab's shared sessionStorage).
 */
const ctx = inject('e2e');
const configPath = resolve('dist/config.json');
let originalConfig = '';
let browser: BrowserSession;

beforeAll(() => {
  originalConfig = readFileSync(configPath, 'utf8');
  const config = JSON.parse(originalConfig) as Record<string, unknown>;
  config['frameAncestors'] = [ctx.sandboxOrigin];
  writeFileSync(configPath, JSON.stringify(config, null, 2));
});
afterAll(() => {
  if (originalConfig) writeFileSync(configPath, originalConfig);
});
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser.close();
});

const [first, second] = ctx.patients;

async function shows(patient: (typeof ctx.patients)[number]): Promise<void> {
  const frame = browser.page.frameLocator(`iframe[data-patient="${patient.id}"]`);
  try {
    await frame.getByTestId('ranking-table').waitFor({ timeout: 120_000 });
  } catch (e) {
    // the artefact of a failing run: what the frame showed instead
    mkdirSync('test-results', { recursive: true });
    await browser.page.screenshot({ path: `test-results/embedded-${patient.id}.png` });
    throw e;
  }
  const name = frame.getByTestId('patient-name');
  await expect.poll(async () => (await name.textContent()) ?? '').toContain(patient.family.toUpperCase());
}

describe('embedded in the EHR', () => {
  it('runs in an iframe of the EHR page and ranks', async () => {
    await browser.page.goto(`${ctx.sandboxOrigin}/ehr/embed?patients=${encodeURIComponent(first!.id)}`);
    await shows(first!);
    expect(browser.pageErrors).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
  }, 150_000);

  it('two instances for two patients in one tab: each stays on its own patient across reloads', async () => {
    const { page } = browser;
    await page.goto(`${ctx.sandboxOrigin}/ehr/embed?patients=${encodeURIComponent(first!.id)},${encodeURIComponent(second!.id)}`);
    await shows(first!);
    await shows(second!);
    for (const patient of [first!, second!]) {
      const frame = await (await page.locator(`iframe[data-patient="${patient.id}"]`).elementHandle())?.contentFrame();
      expect(frame, `the frame of ${patient.id}`).toBeTruthy();
      await frame!.evaluate(() => window.location.reload());
      await frame!.waitForLoadState();
      await shows(patient);
    }
    expect(browser.pageErrors).toEqual([]);
  }, 420_000);
});
