import { useTranslation } from 'react-i18next';
import type { SafetyFlag } from '../../rules/safety/types.ts';

/**
 * A flag's text in the UI language: the translation of `safety.<rule>.<variant>` with the flag's
 * parameters; the English text from the rule table if a translation is absent (never an empty line).
 */
export function useSafetyText(): (flag: SafetyFlag) => string {
  const { t, i18n } = useTranslation();
  return (flag) => {
    const key = flag.messageKey;
    if (!i18n.exists(key)) return flag.text;
    return t(key, { ...flag.params, drug: flag.drug });
  };
}
