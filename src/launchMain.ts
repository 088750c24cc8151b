import { loadSettings, prepareAuthorization, readLaunchParameters } from './smart/index.ts';
import { assertFramingAllowed } from './smart/framing.ts';
import { rememberLaunchLanguage } from './ui/i18n/launchLanguage.ts';

/**
 * The launch page (the URL registered as the app's launch URL): validates the launch, then hands
 * over to the EHR's authorization server. On failure it loads the error view (React, MUI and the
 * translations are loaded only then, so a good launch stays light).
 */
async function launch(): Promise<void> {
  rememberLaunchLanguage(window.location.search);
  try {
    const settings = await loadSettings();
    // Framed by a page config.json does not list: stop before anything is sent (even without the header).
    assertFramingAllowed(settings.frameAncestors);
    const url = await prepareAuthorization(readLaunchParameters(window.location.search), settings, window.location.href);
    window.location.assign(url);
  } catch (error) {
    const { showLaunchError } = await import('./launchError.tsx');
    await showLaunchError(error);
  }
}

void launch();
