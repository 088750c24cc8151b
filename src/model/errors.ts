/** Why a model could not be used; the UI explains each code to the clinician. */
export type ModelErrorCode = 'fetch-failed' | 'spec-invalid' | 'hash-mismatch' | 'runtime-failed' | 'shape-mismatch' | 'timeout';

export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly detail: string;

  constructor(code: ModelErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'ModelError';
    this.code = code;
    this.detail = detail;
  }
}
