import FHIR from 'fhirclient';

/**
 * fhirclient, configured once for the whole app.
 * - refreshTokenWithClientId: a public client must name itself when it refreshes a token (OAuth 2.1
 *   draft §4.3.1; oidc-provider and EHRs following it refuse the refresh otherwise). fhirclient
 *   2.6.3 leaves client_id out unless told.
 * - replaceBrowserHistory (default, kept): the authorization code and state leave the address bar.
 */
FHIR.oauth2.settings.refreshTokenWithClientId = true;
FHIR.oauth2.settings.replaceBrowserHistory = true;
FHIR.oauth2.settings.fullSessionStorageSupport = true;

export { FHIR };
