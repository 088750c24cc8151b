/**
 * The `lang` an EHR puts on the app's launch URL (e.g. `launch.html?iss=...&launch=...&lang=de`) would
 * be lost across the authorization redirect: the authorization server sends the browser back to
 * index.html with only `code` and `state`. The launch page keeps it for this browser session (same
 * origin, tab-scoped sessionStorage), and the app reads it after the redirect. Dependency-free, so the
 * light launch page does not load the translations.
 */
const LAUNCH_KEY = 'therapy-navigator.launch-language';

/** Remembers the launch URL's `lang` (two letters, as given) for the page the authorization returns to. */
export function rememberLaunchLanguage(search: string): void {
  const lang = new URLSearchParams(search).get('lang')?.slice(0, 2).toLowerCase();
  if (!lang || !/^[a-z]{2}$/.test(lang)) return;
  try {
    sessionStorage.setItem(LAUNCH_KEY, lang);
  } catch {
    // storage blocked (privacy settings): the language falls back to the browser's
  }
}

/** The `lang` of this session's launch URL, if the launch page saw one. */
export function launchLanguage(): string | null {
  try {
    return sessionStorage.getItem(LAUNCH_KEY);
  } catch {
    return null;
  }
}
