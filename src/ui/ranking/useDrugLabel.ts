import { useTranslation } from 'react-i18next';

/** A drug's INN in the UI language (`drug.<inn>`), else the INN as the model names it. */
export function useDrugLabel(): (inn: string) => string {
  const { t, i18n } = useTranslation();
  return (inn) => (i18n.exists(`drug.${inn}`) ? t(`drug.${inn}`) : inn);
}
