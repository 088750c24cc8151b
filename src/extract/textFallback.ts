/**
 * The text fallback for Conditions: when a Condition carries no coding the project's code sets know
 * (no coding at all, or only codes outside codes.csv / the ICD-10 prefixes, e.g. a more specific SNOMED
 * CT descendant), its words are read instead: Condition.code.text and every coding display, in English,
 * German and French, negation-aware. The caller reports that the match came from text and names the
 * unknown codes, so a clinician can check it.
 */
import { codeMatches, codingsOf, normaliseText, textContains } from './terminology/index.ts';
import { isRecord } from './fhir.ts';

/** A negation in a free-text problem ("kein Kinderwunsch", "no plan for pregnancy", "pas de ..."). */
export const NEGATION = ['no', 'not', 'denies', 'kein', 'keine', 'keinen', 'nicht', 'ohne', 'pas', 'sans', 'aucun', 'aucune'];

/** Words saying a diagnosis was ruled out (EN/DE/FR): read like ICD-10-GM A. */
export const EXCLUSION_WORDS = ['ruled out', 'excluded', 'ausgeschlossen', 'ausschluss', 'exclu', 'exclue', 'ecarte', 'ecartee'];

/** Words marking a suspicion (EN/DE/FR): read like ICD-10-GM V ("V.a. Morbus Crohn", "suspicion de SEP"). */
export const SUSPICION_WORDS = [
  'suspected',
  'suspicion',
  'possible',
  'probable',
  'rule out',
  'r/o',
  'verdacht',
  'verdacht auf',
  'v.a.',
  'moglich',
  'wahrscheinlich',
  'suspicion de',
  'suspecte',
  'presume',
  'presumee',
];

export interface FallbackText {
  /** Condition.code.text and the coding displays, joined with "; ". */
  text: string;
  /** The codings present but unknown to the code sets, as `system|code` (empty for an uncoded Condition). */
  unknownCodes: string[];
}

/**
 * The words of a CodeableConcept to read when none of its codings is known to the code sets; undefined
 * when a coding is known (codes decide then) or when there is no text at all.
 */
export function fallbackText(concept: unknown): FallbackText | undefined {
  if (codeMatches(concept).length > 0) return undefined;
  const codings = codingsOf(concept);
  const own = isRecord(concept) && typeof concept.text === 'string' ? concept.text.trim() : '';
  const parts = [own, ...codings.map((c) => c.display?.trim() ?? '')].filter((t) => t !== '');
  const text = [...new Set(parts)].join('; ');
  if (text === '') return undefined;
  const unknownCodes = codings.filter((c) => c.code !== undefined).map((c) => `${c.system ?? '(no system)'}|${c.code ?? ''}`);
  return { text, unknownCodes };
}

/** A phrase found in a text, with what its own clause says about it. */
export interface PhraseReading {
  phrase: string;
  /** A negation before the phrase in its clause ("kein Morbus Crohn"), or an exclusion word in the clause. */
  negated: boolean;
  /** A suspicion word or a question mark in the clause ("V.a. Morbus Crohn", "suspected Crohn's disease", "Crohn?"). */
  suspected: boolean;
}

/**
 * Find the first phrase in a text and read its clause (split at ";", "," and line breaks; not at "." so "V.a." stays with its phrase):
 * negation only counts before the phrase in the same clause, so "Morbus Crohn ohne Fisteln" stays a
 * Crohn's disease while "kein Morbus Crohn" does not.
 */
export function readPhrase(text: string | undefined, phrases: readonly string[]): PhraseReading | undefined {
  if (!text) return undefined;
  let first: PhraseReading | undefined;
  for (const clause of normaliseText(text).split(/[;,\n]/)) {
    const phrase = textContains(clause, phrases);
    if (!phrase) continue;
    const at = clause.indexOf(normaliseText(phrase));
    const before = at >= 0 ? clause.slice(0, at) : clause;
    const reading = {
      phrase,
      negated: textContains(before, NEGATION) !== undefined || textContains(clause, EXCLUSION_WORDS) !== undefined,
      // A question mark on a diagnosis ("Crohn?") is the commonest written suspicion marker.
      suspected: textContains(clause, SUSPICION_WORDS) !== undefined || clause.includes('?'),
    };
    // An affirmed clause wins over a negated one elsewhere in the text ("no UC; Crohn's disease").
    if (!reading.negated) return reading;
    first ??= reading;
  }
  return first;
}

/** "code X not in the code sets" / "no coded diagnosis", for notes and sources. */
export function describeFallback(f: FallbackText): string {
  return f.unknownCodes.length > 0 ? `code${f.unknownCodes.length > 1 ? 's' : ''} ${f.unknownCodes.join(', ')} not in the code sets` : 'no coded diagnosis';
}
