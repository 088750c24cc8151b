// The demo EHR's own pages (moved out of sandbox.mjs): the patient list (/ehr), the embedded view
// (/ehr/embed), the EHR launch (/ehr/launch) and the SMART style (/smart-style.json). Each page and launch
// may name a server profile (?profile=oracle|isik, default the full server): the launch then sends the
// app to that profile's FHIR base, with the patient's current visit as encounter where the profile has one.
import { renderEhrError, renderEhrPage, renderEmbedPage } from './ehr-pages.mjs';
import { currentEncounterId } from './profiles/encounters.mjs';
import { PROFILES, profileById } from './profiles/table.mjs';
import { DEMO_USER, launchContextFrom } from './smart-auth.mjs';

/** SMART App Launch 2.x §"Styling": colours and font the EHR suggests to embedded apps. */
const SMART_STYLE = {
  color_background: '#f5f7fa',
  color_error: '#b00020',
  color_highlight: '#f3a712',
  color_modal_backdrop: '',
  color_success: '#2e7d32',
  color_text: '#1a1a1a',
  dim_border_radius: '4px',
  dim_font_size: '16px',
  dim_spacing_size: '8px',
  font_family_body: 'system-ui, sans-serif',
  font_family_heading: 'system-ui, sans-serif',
};

/**
 * @typedef {object} EhrRouteDeps
 * @property {string} origin
 * @property {string} appLaunchUrl the one registered app
 * @property {() => Promise<import('./ehr-pages.mjs').PatientSummary[]>} patients
 * @property {ReturnType<typeof import('./smart-auth.mjs').createSmartAuth>} auth
 */

/**
 * Answers an EHR page request, or returns false when `url` is not one.
 * @param {EhrRouteDeps} deps
 * @param {URL} url
 * @param {import('node:http').ServerResponse} res
 * @returns {Promise<boolean>}
 */
export async function handleEhrRoute({ origin, appLaunchUrl, patients, auth }, url, res) {
  const p = url.pathname;
  const html = (/** @type {number} */ status, /** @type {string} */ body) =>
    void res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  if (p === '/smart-style.json') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(SMART_STYLE));
    return true;
  }
  if (!p.startsWith('/ehr')) return false;
  const profile = profileById(url.searchParams.get('profile'));
  if (!profile) {
    html(400, renderEhrError('Unknown server profile', `"${url.searchParams.get('profile')}" is not one of ${PROFILES.map((x) => x.id).join(', ')}.`));
    return true;
  }
  const fhirBaseUrl = `${origin}${profile.basePath}`;
  if (p === '/ehr' || p === '/ehr/') {
    html(200, renderEhrPage({ patients: await patients(), appLaunchUrl, fhirBaseUrl, profile: profile.id, profiles: PROFILES }));
    return true;
  }
  if (p === '/ehr/embed') {
    // /ehr/embed?patients=a,b: the app in one iframe per patient (known patients only)
    const all = await patients();
    const wanted = (url.searchParams.get('patients') ?? '').split(',').filter(Boolean);
    const chosen = wanted.map((id) => all.find((x) => x.id === id)).filter((x) => x !== undefined);
    if (chosen.length === 0 || chosen.length !== wanted.length) {
      html(400, renderEhrError('Cannot embed', `Unknown patient in "${wanted.join(',')}".`));
      return true;
    }
    html(200, renderEmbedPage({ patients: chosen, appLaunchUrl, profile: profile.id }));
    return true;
  }
  if (p === '/ehr/launch') {
    const patient = url.searchParams.get('patient') ?? '';
    const app = url.searchParams.get('app') || appLaunchUrl;
    const known = (await patients()).some((x) => x.id === patient);
    // Only registered apps are launched: the launch id and the FHIR base go to the configured
    // launch URL, never to an address taken from the query (an open redirect).
    const registered = app === appLaunchUrl;
    if (!known || !registered) {
      html(
        400,
        renderEhrError('Cannot launch', known ? `The app URL "${app}" is not a registered app of this EHR.` : `No patient with id "${patient}" in this EHR.`),
      );
      return true;
    }
    const encounter = url.searchParams.get('encounter') ?? (profile.launchEncounter ? currentEncounterId(patient) : undefined);
    const launch = auth.mintLaunch({
      patient,
      encounter,
      user: DEMO_USER,
      needPatientBanner: url.searchParams.get('banner') !== '0',
      profile: profile.id,
      ...launchContextFrom(url.searchParams), // fhirContext / appContext for the token response
    });
    const target = new URL(app);
    target.searchParams.set('iss', fhirBaseUrl);
    target.searchParams.set('launch', launch);
    // The user's language, as EHRs pass it on the launch URL (e.g. lang=de or lang=fr-CH).
    const lang = url.searchParams.get('lang');
    if (lang && /^[a-z]{2}(-[A-Za-z]{2})?$/.test(lang)) target.searchParams.set('lang', lang);
    res.writeHead(302, { Location: target.href, 'Cache-Control': 'no-store' }).end();
    return true;
  }
  return false;
}
