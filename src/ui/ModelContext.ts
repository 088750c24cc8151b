import { createContext, useContext } from 'react';
import type { ModelRuntime } from '../model/runtime.ts';

export interface ModelEnvironment {
  runtime: ModelRuntime;
  /** Where `models/<indication>/spec.json` are served (beside the app by default). */
  modelsBase: string;
}

export const ModelContext = createContext<ModelEnvironment | null>(null);

/** The page's model runtime (one inference worker) and where its models are served. */
export function useModelEnvironment(): ModelEnvironment {
  const env = useContext(ModelContext);
  if (!env) throw new Error('useModelEnvironment outside <ModelContext.Provider>');
  return env;
}
