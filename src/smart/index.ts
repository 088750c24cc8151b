export { LaunchError, FhirRequestError, type LaunchErrorCode, type FhirRequestErrorCode } from './errors.ts';
export { DEFAULT_SETTINGS, loadSettings, parseSettings, type DeploymentSettings } from './settings.ts';
export { prepareAuthorization, readLaunchParameters } from './launch.ts';
export { completeLaunch, createFhirSession, type FhirSession, type RequestLogEntry, type SearchResult } from './session.ts';
export { fetchSmartStyle, parseSmartStyle, type SmartStyle } from './style.ts';
