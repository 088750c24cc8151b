import FHIR from 'fhirclient';

/**
 * fhirclient, configured once for the whole app.
 * - refreshTokenWithClientId: a public client must name itself when it refreshes a token (OAuth 2.1
 *   draft §4.3.1; oidc-provider and EHRs following it refuse the refresh otherwise). fhirclient
 *   2.6.3 leaves client_id out unless told.
 * - replaceBrowserHistory (default, kept): the authorization code leaves the address bar.
 */
FHIR.oauth2.settings.refreshTokenWithClientId = true;
FHIR.oauth2.settings.replaceBrowserHistory = true;
/**
 * fullSessionStorageSupport false: the authorization `state` (the key of this launch's session in
 * sessionStorage) stays in the page URL instead of one well-known SMART_KEY slot. Frames of the same
 * origin in one browser tab share sessionStorage, so with the shared slot two embedded instances (two
 * patients' charts open side by side in an EHR) overwrite each other's key and a reload of the first
 * resumes the second patient's session (tests/e2e/embedded.e2e.test.ts). The state is no secret: it
 * only names the entry in this origin's own storage; the code is still removed from the URL.
 */
FHIR.oauth2.settings.fullSessionStorageSupport = false;

export { FHIR };
