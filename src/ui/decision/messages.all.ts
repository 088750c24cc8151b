/** The decision screen's strings in the three UI languages, for the i18n resources. */
export { decisionEn } from './messages.ts';
export { decisionDe } from './messages.de.ts';
export { decisionFr } from './messages.fr.ts';
