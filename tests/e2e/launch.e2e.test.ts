import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession, type RecordedRequest } from '../support/browser.ts';

const ctx = inject('e2e');
const INDICATION_BY_PREFIX: Record<string, string> = { cd: 'CD', uc: 'UC', ra: 'RA', rms: 'RMS' };

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser.close();
});

function params(r: RecordedRequest): URLSearchParams {
  return new URL(r.url).searchParams;
}

/** Everything a successful launch must show about the protocol and the data requests. */
async function expectAuthorisedSession(patient: (typeof ctx.patients)[number], kind: 'ehr' | 'standalone'): Promise<void> {
  const { page, requests } = browser;
  const name = page.getByTestId('patient-name');
  await name.waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await name.textContent()) ?? '').toContain(patient.family.toUpperCase());
  expect(await name.textContent()).toContain(patient.given);

  const authorize = requests.filter((r) => r.method === 'GET' && params(r).get('response_type') === 'code');
  expect(authorize).toHaveLength(1);
  const auth = params(authorize[0]!);
  expect(auth.get('code_challenge_method')).toBe('S256');
  expect(auth.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(auth.get('aud')).toBe(ctx.fhirBaseUrl);
  expect(auth.get('state')).toBeTruthy();
  expect(auth.get('launch') !== null).toBe(kind === 'ehr');

  const token = requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/token'));
  expect(token.length).toBeGreaterThanOrEqual(1);
  await expect.poll(() => token[0]?.status).toBe(200);

  const data = requests.filter((r) => r.url.startsWith(`${ctx.fhirBaseUrl}/`) && !/\/(\.well-known\/smart-configuration|metadata)(\?|$)/.test(r.url));
  expect(data.length).toBeGreaterThan(3);
  expect(data.filter((r) => !/^Bearer \S+/.test(r.headers['authorization'] ?? '')).map((r) => r.url)).toEqual([]);

  const origins = new Set(
    requests
      .map((r) => new URL(r.url))
      .filter((u) => u.protocol.startsWith('http'))
      .map((u) => u.origin),
  );
  for (const o of origins) expect([ctx.appOrigin, ctx.sandboxOrigin]).toContain(o);

  // ids name the indication: cd-us-001, sim-rms-02, ...
  const indication = INDICATION_BY_PREFIX[/(?:^|-)(cd|uc|ra|rms)-/.exec(patient.id)?.[1] ?? ''];
  expect(indication).toBeDefined();
  // the question names the indication first (the full list of indications is in the record view)
  await page.locator(`[data-indication="${indication}"]`).first().waitFor({ timeout: 30_000 });
  // the record tables render right after the ranking
  await page.getByTestId('conditions').locator('tbody tr').first().waitFor({ timeout: 30_000 });
  await expect(page.getByTestId('conditions').locator('tbody tr').count()).resolves.toBeGreaterThan(0);

  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  expect(stored).not.toMatch(/access_token|refresh_token/);
  for (const r of requests) expect(r.url).not.toMatch(/access_token=|refresh_token=/);
  expect(browser.pageErrors).toEqual([]);
  expect(browser.cspViolations).toEqual([]);
}

describe('Content-Security-Policy', () => {
  it('is sent with the app and allows only the app, the configured FHIR servers and nothing else', async () => {
    const res = await fetch(`${ctx.appOrigin}/index.html`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const connect = /connect-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(connect).toContain("'self'");
    expect(connect).toContain(new URL(ctx.fhirBaseUrl).origin);
    // only the app itself and the FHIR servers listed in config.json (all on this machine here)
    expect(connect.filter((o) => o !== "'self'" && !/^http:\/\/127\.0\.0\.1:\d+$/.test(o))).toEqual([]);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/\*|'unsafe-eval'|https?:\/\/(?!127\.0\.0\.1)/);
  });
});

describe('EHR launch', () => {
  it('starts from the EHR page', async () => {
    const { page } = browser;
    const first = ctx.patients[0]!;
    await page.goto(`${ctx.sandboxOrigin}/ehr`);
    await page
      .getByRole('link', { name: `Launch Therapy Navigator for ${first.given}`, exact: false })
      .first()
      .click();
    await expectAuthorisedSession(first, 'ehr');
  });

  for (const patient of ctx.patients) {
    it(`launches ${patient.id} (${patient.file}) with the right banner and record`, async () => {
      await browser.page.goto(
        `${ctx.sandboxOrigin}/ehr/launch?patient=${encodeURIComponent(patient.id)}&app=${encodeURIComponent(`${ctx.appOrigin}/launch.html`)}`,
      );
      await expectAuthorisedSession(patient, 'ehr');
    });
  }

  it('the EHR passes lang=fr on the launch URL: the app opens in French after the authorization redirect', async () => {
    const { page } = browser;
    const first = ctx.patients[0]!;
    await page.goto(
      `${ctx.sandboxOrigin}/ehr/launch?patient=${encodeURIComponent(first.id)}&app=${encodeURIComponent(`${ctx.appOrigin}/launch.html`)}&lang=fr`,
    );
    await page.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    // back from the authorization server with only code and state on the URL
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('standalone launch', () => {
  for (const patient of ctx.patients) {
    it(`lets the user pick ${patient.id} at the authorization server`, async () => {
      const { page } = browser;
      await page.goto(`${ctx.appOrigin}/launch.html?iss=${encodeURIComponent(ctx.fhirBaseUrl)}`);
      await page.locator(`input[name="patient"][value="${patient.id}"]`).check();
      await page.getByRole('button', { name: 'Allow' }).click();
      await expectAuthorisedSession(patient, 'standalone');
    });
  }
});

async function expectLaunchError(code: string): Promise<void> {
  const el = browser.page.getByTestId('launch-error');
  await el.waitFor({ timeout: 30_000 });
  expect(await el.getAttribute('data-error-code')).toBe(code);
  const alert = el.getByRole('alert');
  const text = (await alert.textContent()) ?? '';
  expect(text.length).toBeGreaterThan(40);
  expect(text).not.toMatch(/at \S+ \(|TypeError|undefined/);
  expect(browser.pageErrors).toEqual([]);
}

describe('bad launches end on a clear page', () => {
  it('no iss', async () => {
    await browser.page.goto(`${ctx.appOrigin}/launch.html`);
    await expectLaunchError('missing-iss');
  });

  it('an iss the deployment does not allow', async () => {
    await browser.page.goto(`${ctx.appOrigin}/launch.html?iss=${encodeURIComponent('https://evil.example.org/fhir')}&launch=x`);
    await expectLaunchError('iss-not-allowed');
  });

  it('a FHIR server without SMART configuration', async () => {
    await browser.page.goto(`${ctx.appOrigin}/launch.html?iss=${encodeURIComponent(ctx.noSmartFhirBaseUrl)}`);
    await expectLaunchError('no-smart-configuration');
  });

  it('a FHIR server that is down', async () => {
    await browser.page.goto(`${ctx.appOrigin}/launch.html?iss=${encodeURIComponent(ctx.downFhirBaseUrl)}&launch=abc`);
    await expectLaunchError('fhir-server-unreachable');
  });

  it('a denied authorization', async () => {
    const { page } = browser;
    await page.goto(`${ctx.appOrigin}/launch.html?iss=${encodeURIComponent(ctx.fhirBaseUrl)}`);
    await page.getByRole('button', { name: 'Deny' }).click();
    await expectLaunchError('authorization-denied');
  });

  it('a reused launch', async () => {
    const res = await fetch(
      `${ctx.sandboxOrigin}/ehr/launch?patient=${encodeURIComponent(ctx.patients[0]!.id)}&app=${encodeURIComponent(`${ctx.appOrigin}/launch.html`)}`,
      { redirect: 'manual' },
    );
    const appLaunch = res.headers.get('location');
    expect(appLaunch).toContain('launch=');
    await browser.page.goto(appLaunch!);
    await browser.page.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    await browser.close();
    browser = await openBrowser();
    await browser.page.goto(appLaunch!);
    await expectLaunchError('launch-invalid');
  });

  it('an expired launch', async () => {
    const res = await fetch(`${ctx.sandboxOrigin}/__test__/launch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-test-key': ctx.sandboxTestKey },
      body: JSON.stringify({ patient: ctx.patients[0]!.id, ttl: 1 }),
    });
    const { launch } = (await res.json()) as { launch: string };
    await new Promise((r) => setTimeout(r, 1500));
    await browser.page.goto(`${ctx.appOrigin}/launch.html?iss=${encodeURIComponent(ctx.fhirBaseUrl)}&launch=${encodeURIComponent(launch)}`);
    await expectLaunchError('launch-invalid');
  });

  it('the app page opened without a launch', async () => {
    await browser.page.goto(`${ctx.appOrigin}/index.html`);
    await expectLaunchError('no-launch-state');
  });
});
