import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyFlag } from '../../rules/safety/types.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { localizeSafetyParams } from '../i18n/safety.ts';

/**
 * A flag's text in the UI language: the translation of `safety.<rule>.<variant>` (src/ui/i18n/safety.ts)
 * filled with the flag's parameters translated too (drug name, gap text, washout, basis, risk factors;
 * dates and numbers in the language's format). The English text from the rule table if the key is absent
 * in the current language (never an empty line).
 */
export function useSafetyText(): (flag: SafetyFlag) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (flag: SafetyFlag) => {
      if (!i18n.exists(flag.messageKey, { lng: language })) return flag.text;
      const replace = localizeSafetyParams(flag, toClinicalLanguage(language));
      return t(flag.messageKey, { lng: language, replace, interpolation: { escapeValue: false } });
    },
    [t, i18n, language],
  );
}
