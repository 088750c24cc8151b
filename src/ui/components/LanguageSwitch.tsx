import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index.ts';

const NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

/** The language switch; each language is named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={t('app.language')}
      value={i18n.language}
      onChange={(e) => void i18n.changeLanguage(e.target.value)}
      slotProps={{ htmlInput: { 'data-testid': 'language-switch' } }}
      sx={{ minWidth: 140 }}
    >
      {LANGUAGES.map((l) => (
        <MenuItem key={l} value={l} lang={l}>
          {NAMES[l]}
        </MenuItem>
      ))}
    </TextField>
  );
}
