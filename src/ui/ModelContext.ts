import { createContext, useContext } from 'react';
import type { ModelEnvironment } from '../pipeline/index.ts';

export type { ModelEnvironment };

export const ModelContext = createContext<ModelEnvironment | null>(null);

/** The page's model runtime (one inference worker) and where its models are served. */
export function useModelEnvironment(): ModelEnvironment {
  const env = useContext(ModelContext);
  if (!env) throw new Error('useModelEnvironment outside <ModelContext.Provider>');
  return env;
}
