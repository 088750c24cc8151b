import { useTranslation } from 'react-i18next';

/** An input's name for people, in the UI language (`input.<name>`), else its catalogue name. */
export function useInputLabel(): (name: string) => string {
  const { t, i18n } = useTranslation();
  return (name) => (i18n.exists(`input.${name}`) ? t(`input.${name}`) : name);
}
