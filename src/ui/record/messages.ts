/**
 * Strings of the record view (namespace `recordView` inside the app's translation resources).
 * German and French are typed against English: a missing key fails the type check.
 * One file per language keeps each below the project's file-size limit.
 */
export { recordViewEn, type RecordViewMessages } from './messages.en.ts';
export { recordViewDe } from './messages.de.ts';
export { recordViewFr } from './messages.fr.ts';
