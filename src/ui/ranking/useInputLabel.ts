import { useTranslation } from 'react-i18next';
import { inputLabel, toClinicalLanguage } from '../i18n/inputs.ts';

/** An input's name for people, in the UI language (i18n/inputs.ts), else its catalogue name. */
export function useInputLabel(): (name: string) => string {
  const { i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  return (name) => inputLabel(name, lang);
}
