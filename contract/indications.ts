/**
 * The four indications, in the one casing the app, the spec files and the UI use. The trainer keeps its
 * models in lowercase folders (models/cd, models/uc, ...); those folder names are mapped here, in one place.
 */

/** An indication the app ranks therapies for. */
export type Indication = 'CD' | 'UC' | 'RA' | 'RMS';

/** Every indication, in display order. */
export const INDICATIONS: readonly Indication[] = ['CD', 'UC', 'RA', 'RMS'];

/** The folder name of an indication's bundled model (models/<folder>/spec.json) and the trainer's indication id. */
export type ModelFolder = 'cd' | 'uc' | 'ra' | 'rms';

const FOLDERS: Readonly<Record<Indication, ModelFolder>> = { CD: 'cd', UC: 'uc', RA: 'ra', RMS: 'rms' };

/** The model folder of an indication. */
export function modelFolder(indication: Indication): ModelFolder {
  return FOLDERS[indication];
}

/**
 * The indication a model folder name or a spec.json `indication` field stands for, in either casing;
 * undefined for anything else (the caller reports it: a spec for an unknown indication is not run).
 */
export function indicationOf(name: string): Indication | undefined {
  return INDICATIONS.find((i) => i === name.toUpperCase());
}
