import { createContext, useContext } from 'react';
import type { LaunchNote } from '../pipeline/launchFocus.ts';

/** Where the launch context opened the app (src/pipeline/launchFocus.ts), for the options table deep in the ranking. */
export interface LaunchFocusValue {
  /** The drug (INN) the EHR opened the app on: its row is highlighted and its "Why?" opened, if it is an option. */
  drug?: string;
  /** Notes about parts of the context that were not followed (shown above the ranking). */
  notes: readonly LaunchNote[];
}

/** No launch context: nothing highlighted, nothing to say. */
export const NO_LAUNCH_FOCUS: LaunchFocusValue = { notes: [] };

/** Provided by the patient page; read by the options table and the decision options. */
export const LaunchFocusContext = createContext<LaunchFocusValue>(NO_LAUNCH_FOCUS);

/** The launch focus of this screen ({@link NO_LAUNCH_FOCUS} outside a launch with context). */
export function useLaunchFocusContext(): LaunchFocusValue {
  return useContext(LaunchFocusContext);
}
