import { useTranslation } from 'react-i18next';
import { drugLabel } from '../i18n/drugs.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';

/** A drug's INN in the UI language (i18n/drugs.ts), else the INN as the model names it. */
export function useDrugLabel(): (inn: string) => string {
  const { i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  return (inn) => drugLabel(inn, lang);
}
