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
    const details = frame.locator('details');
    if ((await details.count()) > 0) await details.first().click();
    writeFileSync(`test-results/embedded-${patient.id}.txt`, await frame.locator('body').innerText());
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

  it("two instances for two patients in one tab: a reload resumes each frame's own launch, never the other patient", async () => {
    const { page } = browser;
    await page.goto(`${ctx.sandboxOrigin}/ehr/embed?patients=${encodeURIComponent(first!.id)}`);
    await shows(first!);
    // The second chart is opened once the first is up (as a clinician opens a second patient). Two sign-ins
    // started in the same instant against the demo authorization server raced under heavy load (one frame
    // ended on "Sign-in could not be completed"; not reproduced on an idle machine): noted, not the subject here.
    await page.evaluate(
      ({ id, src }) => {
        const frame = document.createElement('iframe');
        frame.title = `Therapy Navigator for ${id}`;
        frame.dataset.patient = id;
        frame.width = '800';
        frame.height = '900';
        frame.src = src;
        document.querySelector('main')?.append(frame);
      },
      { id: second!.id, src: `/ehr/launch?patient=${encodeURIComponent(second!.id)}&app=${encodeURIComponent(`${ctx.appOrigin}/launch.html`)}` },
    );
    await shows(second!);
    for (const [patient, other] of [
      [first!, second!],
      [second!, first!],
    ] as const) {
      const handle = await (await page.locator(`iframe[data-patient="${patient.id}"]`).elementHandle())?.contentFrame();
      expect(handle, `the frame of ${patient.id}`).toBeTruthy();
      await handle!.evaluate(() => window.location.reload());
      await handle!.waitForLoadState();
      // After the reload the frame resumes ITS OWN launch: its ranking, or (the demo authorization server
      // keeps one grant per client and browser session, so the first frame's token ends when the second
      // signs in) the record error asking to relaunch. Never the other frame's patient: with one shared
      // session key the reload resumed the other launch and showed the other patient.
      const frame = page.frameLocator(`iframe[data-patient="${patient.id}"]`);
      await frame.getByTestId('ranking-table').or(frame.getByTestId('record-error')).first().waitFor({ timeout: 120_000 });
      const text = await frame.locator('body').innerText();
      expect(text, `${patient.id} after its reload`).not.toContain(other.family.toUpperCase());
      const ranked = (await frame.getByTestId('ranking-table').count()) > 0;
      const resumed = ranked
        ? { shows: text.includes(patient.family.toUpperCase()), error: null }
        : { shows: false, error: await frame.getByTestId('record-error').getAttribute('data-error-code') };
      expect(resumed, `${patient.id} after its reload: its own ranking or its own expired launch`).toEqual(
        ranked ? { shows: true, error: null } : { shows: false, error: 'unauthorized' },
      );
    }
    expect(browser.pageErrors).toEqual([]);
  }, 420_000);
});
