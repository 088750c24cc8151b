// Server-rendered HTML of the demo EHR: the patient list with launch buttons (/ehr) and the
// standalone-launch patient picker (interaction step). Plain, accessible HTML: no scripts, no
// external assets, labelled controls, one h1 per page, a skip-free single main landmark.
import { escapeHtml } from './smart-auth.mjs';

/**
 * @typedef {{ id: string, name: string, birthDate: string, gender: string, diagnoses: string[] }} PatientSummary
 */

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f5f7fa}
header{background:#0b3d66;color:#fff;padding:12px 24px}main{padding:16px 24px;max-width:960px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:8px;border-bottom:1px solid #ccd}
a.button,button{display:inline-block;padding:6px 12px;border-radius:4px;border:1px solid #0b3d66;background:#0b3d66;color:#fff;text-decoration:none;font-size:1rem;cursor:pointer}
button.secondary{background:#fff;color:#0b3d66}a:focus,button:focus,input:focus{outline:3px solid #f3a712;outline-offset:2px}
fieldset{border:1px solid #ccd;background:#fff;padding:12px}label{display:block;padding:6px 0}`;

/**
 * Wraps page content into a complete HTML document.
 * @param {string} title
 * @param {string} body
 */
function page(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header><p><strong>Demo EHR</strong> (simulated patients only, no real patient data)</p></header>
<main>${body}</main></body></html>`;
}

/**
 * Condenses Patient resources and their Conditions into the rows the pages show.
 * Display text: CodeableConcept.text, else the first coding that has a display, over all codings.
 * @param {import('fhir/r4').Patient[]} patients
 * @param {import('fhir/r4').Condition[]} conditions
 * @returns {PatientSummary[]}
 */
export function summarizePatients(patients, conditions) {
  return patients
    .filter((p) => p.id)
    .map((p) => {
      const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
      const name = n?.text ?? [...(n?.given ?? []), n?.family].filter(Boolean).join(' ');
      const diagnoses = conditions
        .filter((c) => c.subject?.reference === `Patient/${p.id}`)
        .map((c) => c.code?.text ?? c.code?.coding?.find((x) => x.display)?.display ?? 'Condition without display')
        .filter((d, i, all) => all.indexOf(d) === i);
      return { id: p.id ?? '', name: name || `Patient ${p.id}`, birthDate: p.birthDate ?? 'unknown', gender: p.gender ?? 'unknown', diagnoses };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The EHR's embedded view: the app launched in an iframe for each listed patient, side by side, as
 * EHRs show SMART apps in a panel (and as two open charts would). The app must be configured with
 * this EHR's origin in `frameAncestors`, or it refuses to run framed.
 * @param {{ patients: PatientSummary[], appLaunchUrl: string, profile?: string }} input `profile`: the server profile to launch against
 */
export function renderEmbedPage({ patients, appLaunchUrl, profile = 'full' }) {
  const frames = patients.map((p) => {
    const src = `/ehr/launch?patient=${encodeURIComponent(p.id)}&app=${encodeURIComponent(appLaunchUrl)}${profile === 'full' ? '' : `&profile=${encodeURIComponent(profile)}`}`;
    return `<section><h2>${escapeHtml(p.name)}</h2>
<iframe title="Therapy Navigator for ${escapeHtml(p.name)}" data-patient="${escapeHtml(p.id)}" src="${escapeHtml(src)}" width="800" height="900"></iframe></section>`;
  });
  return page('Demo EHR: embedded app', `<h1>Embedded Therapy Navigator</h1>\n<div style="display:flex;gap:16px">${frames.join('\n')}</div>`);
}

/**
 * The EHR home page: each demo patient with a button for an EHR launch, and a standalone link, for the
 * chosen server profile (links to the others at the top).
 * @param {{ patients: PatientSummary[], appLaunchUrl: string, fhirBaseUrl: string, profile?: string, profiles?: Array<{ id: string, title: string }> }} input
 */
export function renderEhrPage({ patients, appLaunchUrl, fhirBaseUrl, profile = 'full', profiles = [] }) {
  const standalone = `${appLaunchUrl}?iss=${encodeURIComponent(fhirBaseUrl)}`;
  const suffix = profile === 'full' ? '' : `&profile=${encodeURIComponent(profile)}`;
  const chooser = profiles.map((x) =>
    x.id === profile
      ? `<li><strong aria-current="page">${escapeHtml(x.title)}</strong></li>`
      : `<li><a href="/ehr${x.id === 'full' ? '' : `?profile=${encodeURIComponent(x.id)}`}">${escapeHtml(x.title)}</a></li>`,
  );
  const rows = patients.map((p) => {
    const href = `/ehr/launch?patient=${encodeURIComponent(p.id)}&app=${encodeURIComponent(appLaunchUrl)}${suffix}`;
    return `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.birthDate)}</td><td>${escapeHtml(p.gender)}</td>
<td>${p.diagnoses.length ? `<ul>${p.diagnoses.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : 'none recorded'}</td>
<td><a class="button" href="${escapeHtml(href)}" aria-label="Launch Therapy Navigator for ${escapeHtml(p.name)}">Launch Therapy Navigator</a></td></tr>`;
  });
  return page(
    'Demo EHR: patients',
    `<h1>Patients</h1>
<p>FHIR R4 server: <code>${escapeHtml(fhirBaseUrl)}</code></p>
${chooser.length ? `<nav aria-label="Server profile"><p>Server profile (sandbox shapes modelled on published statements):</p><ul>${chooser.join('')}</ul></nav>` : ''}
<table><caption>Demo patients (${patients.length})</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Birth date</th><th scope="col">Gender</th><th scope="col">Diagnoses</th><th scope="col">Action</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="5">No patients loaded.</td></tr>'}</tbody></table>
<h2>Standalone launch</h2>
<p><a href="${escapeHtml(standalone)}">Open Therapy Navigator without EHR context</a> (the authorization server asks for a patient).</p>`,
  );
}

/**
 * The standalone-launch patient picker shown at the authorization interaction step.
 * Submitting "Allow" grants access for the chosen patient; "Deny" ends with `access_denied`.
 * @param {{ uid: string, clientName: string, patients: PatientSummary[], scope: string }} input
 */
export function renderPickerPage({ uid, clientName, patients, scope }) {
  const options = patients.map(
    (p, i) => `<label><input type="radio" name="patient" value="${escapeHtml(p.id)}"${i === 0 ? ' checked' : ''}>
${escapeHtml(p.name)} (born ${escapeHtml(p.birthDate)}; ${escapeHtml(p.diagnoses.join(', ') || 'no diagnoses')})</label>`,
  );
  return page(
    'Select a patient',
    `<h1>Select a patient</h1>
<p>${escapeHtml(clientName)} asks for access to one patient's record, signed in as the demo practitioner.</p>
<p>Requested scopes: <code>${escapeHtml(scope)}</code></p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<fieldset><legend>Patient</legend>${options.join('\n')}</fieldset>
<p><button type="submit" name="action" value="allow">Allow</button>
<button type="submit" name="action" value="deny" class="secondary">Deny</button></p></form>`,
  );
}

/**
 * A minimal error page for the EHR side (unknown patient, bad app URL).
 * @param {string} title
 * @param {string} message
 */
export function renderEhrError(title, message) {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/ehr">Back to the patient list</a></p>`);
}
