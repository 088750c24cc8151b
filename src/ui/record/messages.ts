/**
 * Strings of the record view (namespace `recordView` inside the app's translation resources).
 * German and French are typed against English: a missing key fails the type check.
 */
export const recordViewEn = {
  title: 'Record view',
};
export type RecordViewMessages = typeof recordViewEn;
export const recordViewDe: RecordViewMessages = {
  title: 'Aktenansicht',
};
export const recordViewFr: RecordViewMessages = {
  title: 'Vue du dossier',
};
