import { createInstance, type i18n } from 'i18next';
import { de } from './de.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { recordViewDe, recordViewEn, recordViewFr } from '../record/messages.ts';
import { rankingEn } from '../ranking/messages.ts';
import { rankingDe } from '../ranking/messages.de.ts';
import { rankingFr } from '../ranking/messages.fr.ts';
import { clinicalResources } from './clinical.ts';
import { safetyResources } from './safety.ts';
import { decisionDe, decisionEn, decisionFr } from '../decision/messages.all.ts';
import { identityEn } from './banner.en.ts';
import { identityDe } from './banner.de.ts';
import { identityFr } from './banner.fr.ts';
import { sourcesDe, sourcesEn, sourcesFr } from '../components/sources.messages.ts';
import { modelCardDe, modelCardEn, modelCardFr } from '../ranking/modelCard.messages.ts';
import { launchContextResources } from './launchContext.ts';
import { readPlanDe, readPlanEn, readPlanFr } from '../components/readPlan.messages.ts';

export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'therapy-navigator.language';

function isLanguage(x: string | null | undefined): x is Language {
  return !!x && (LANGUAGES as readonly string[]).includes(x);
}

/**
 * The UI language: an explicit choice in this browser session first, then the page URL's `lang`,
 * then the `lang` of the launch URL the launch page kept across the authorization redirect
 * (launchLanguage.ts; EHRs that pass the user's locale), then the browser's languages, else English.
 */
export function pickLanguage(search: string, stored: string | null, browser: readonly string[], launched: string | null = null): Language {
  if (isLanguage(stored)) return stored;
  const fromUrl = new URLSearchParams(search).get('lang')?.slice(0, 2).toLowerCase();
  if (isLanguage(fromUrl)) return fromUrl;
  if (isLanguage(launched)) return launched;
  for (const b of browser) {
    const l = b.slice(0, 2).toLowerCase();
    if (isLanguage(l)) return l;
  }
  return 'en';
}

/** Creates the i18next instance the app uses (one per page). */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = createInstance();
  await instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: {
      en: {
        translation: {
          ...en,
          recordView: recordViewEn,
          ranking: rankingEn,
          decision: decisionEn,
          identity: identityEn,
          sources: sourcesEn,
          modelCard: modelCardEn,
          readPlan: readPlanEn,
          ...clinicalResources.en,
          ...safetyResources.en,
          ...launchContextResources.en,
        },
      },
      de: {
        translation: {
          ...de,
          recordView: recordViewDe,
          ranking: rankingDe,
          decision: decisionDe,
          identity: identityDe,
          sources: sourcesDe,
          modelCard: modelCardDe,
          readPlan: readPlanDe,
          ...clinicalResources.de,
          ...safetyResources.de,
          ...launchContextResources.de,
        },
      },
      fr: {
        translation: {
          ...fr,
          recordView: recordViewFr,
          ranking: rankingFr,
          decision: decisionFr,
          identity: identityFr,
          sources: sourcesFr,
          modelCard: modelCardFr,
          readPlan: readPlanFr,
          ...clinicalResources.fr,
          ...safetyResources.fr,
          ...launchContextResources.fr,
        },
      },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance.on('languageChanged', (l) => {
    try {
      sessionStorage.setItem(STORAGE_KEY, l);
    } catch {
      // storage may be blocked in an EHR iframe; the choice then lasts for this page only
    }
    document.documentElement.lang = l;
  });
  document.documentElement.lang = language;
  return instance;
}

/** Reads the language remembered for this browser session, if storage is available. */
export function storedLanguage(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
