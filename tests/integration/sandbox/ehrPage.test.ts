import { describe, expect, it } from 'vitest';
import { sandbox } from '../../support/sandboxClient';

// The EHR side of the sandbox: the patient list with launch buttons and the launch redirect.

describe('GET /ehr', () => {
  it('lists the loaded patients with their diagnoses and a launch button each', async () => {
    const res = await fetch(sandbox().ehrUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Anna Muster');
    expect(html).toContain('1990-04-12');
    expect(html).toContain('Crohn&#39;s disease (disorder)');
    expect(html).toContain('Rheumatoid arthritis (disorder)');
    expect(html).toContain(`/ehr/launch?patient=sbx-cd-001&#38;app=${encodeURIComponent(sandbox().appLaunchUrl)}`);
    expect(html).toMatch(/aria-label="Launch Therapy Navigator for Anna Muster"/);
    expect(html).toContain(`${sandbox().appLaunchUrl}?iss=${encodeURIComponent(sandbox().fhirBaseUrl)}`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/); // no scripts, no external assets
  });
});

describe('GET /ehr/launch', () => {
  it('mints a launch id and redirects to the app with iss and launch', async () => {
    const app = 'http://127.0.0.1:5173/launch.html';
    const res = await fetch(`${sandbox().origin}/ehr/launch?patient=sbx-ra-001&app=${encodeURIComponent(app)}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get('location') ?? '');
    expect(`${target.origin}${target.pathname}`).toBe(app);
    expect(target.searchParams.get('iss')).toBe(sandbox().fhirBaseUrl);
    expect(target.searchParams.get('launch')).toMatch(/^[\w-]{20,}$/);
  });

  it.each([
    { query: 'patient=nobody', text: 'No patient with id' },
    { query: `patient=sbx-cd-001&app=${encodeURIComponent('javascript:alert(1)')}`, text: 'not a registered app' },
    // Issue 12: an open redirect that hands a launch id (and the FHIR base) to any site.
    { query: `patient=sbx-cd-001&app=${encodeURIComponent('https://evil.example/launch.html')}`, text: 'not a registered app' },
    { query: `patient=sbx-cd-001&app=${encodeURIComponent('http://127.0.0.1:5173/launch.html/../evil.html')}`, text: 'not a registered app' },
  ])('refuses $query with 400', async ({ query, text }) => {
    const res = await fetch(`${sandbox().origin}/ehr/launch?${query}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain(text);
  });
});

describe('GET /interaction/:uid without its cookie', () => {
  it('answers 400 with a page that says to start again, not a server error', async () => {
    const res = await fetch(`${sandbox().origin}/interaction/made-up-uid`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Start the app again from the EHR');
  });
});
