import { Box, Chip, Paper, Typography } from '@mui/material';
import type { Patient } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import { ageInYears, formatFhirDate, list, text } from '../format.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { identifierLabel } from '../identifiers.ts';

type Json = Record<string, unknown>;
const asRecord = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

/**
 * The name a chart shows: the official (else usual, else first) name, family name in capitals.
 * Any part of the wrong type (a `given` that is not a list, a numeric `text`) is treated as missing.
 */
export function displayName(patient: unknown): string | null {
  const names = list(asRecord(patient)?.['name'])
    .map(asRecord)
    .filter((n): n is Json => n !== undefined);
  const pick = (use: string) => names.find((n) => n['use'] === use);
  const n = pick('official') ?? pick('usual') ?? names[0];
  if (!n) return null;
  const own = text(n['text'])?.trim();
  const familyText = text(n['family']);
  if (own && !familyText) return own;
  const given = list(n['given'])
    .map(text)
    .filter((g) => g !== undefined)
    .join(' ');
  const family = familyText ? familyText.toUpperCase() : '';
  const full = [given, family].filter(Boolean).join(' ');
  return full || own || null;
}

/** Banner fields present in the Patient but of the wrong type: shown as not readable instead of throwing. */
function unreadableFields(patient: Json): string[] {
  const bad: string[] = [];
  if (patient['name'] !== undefined && (!Array.isArray(patient['name']) || displayName(patient) === null)) bad.push('name');
  else {
    const names = list(patient['name']).map(asRecord);
    if (names.some((n) => n?.['given'] !== undefined && !Array.isArray(n['given']))) bad.push('name.given');
    if (names.some((n) => n?.['family'] !== undefined && typeof n['family'] !== 'string')) bad.push('name.family');
  }
  if (patient['birthDate'] !== undefined && text(patient['birthDate']) === undefined) bad.push('birthDate');
  if (patient['gender'] !== undefined && typeof patient['gender'] !== 'string') bad.push('gender');
  if (patient['identifier'] !== undefined && !Array.isArray(patient['identifier'])) bad.push('identifier');
  return bad;
}

const GENDERS: ReadonlySet<string> = new Set(['male', 'female', 'other', 'unknown']);

/** The compact patient banner (one line; hidden when the launch says `need_patient_banner: false`): name, age, sex, date of birth, identifiers. */
export function PatientBanner({ patient, now }: { patient: Patient; now: Date }) {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  const p = asRecord(patient) ?? {};
  const name = displayName(p);
  const age = ageInYears(p['birthDate'], now);
  const born = formatFhirDate(p['birthDate'], i18n.language);
  const gender = text(p['gender']);
  const sex = gender && GENDERS.has(gender) ? t(`banner.sex.${gender}`) : t('banner.sex.missing');
  const identifiers = list(p['identifier'])
    .map(asRecord)
    .filter((id): id is Json => id !== undefined);
  const unreadable = unreadableFields(p);
  return (
    <Paper
      component="section"
      aria-label={t('banner.label')}
      data-testid="patient-banner"
      sx={{ px: 1.5, py: 0.75, mb: 1.5, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 0.5 }}
      variant="outlined"
    >
      <Typography variant="h6" component="h2" data-testid="patient-name">
        {name ?? t('banner.noName')}
      </Typography>
      <Typography component="p" data-testid="patient-demographics">
        {[age !== null ? t('banner.age', { age }) : null, sex, born ? t('banner.born', { date: born }) : t('banner.noBirthDate')].filter(Boolean).join(' · ')}
      </Typography>
      {unreadable.length > 0 && (
        <Typography variant="caption" component="p" color="warning.main" data-testid="patient-unreadable">
          {t('banner.unreadable', { fields: unreadable.join(', ') })}
        </Typography>
      )}
      {identifiers.length > 0 && (
        <Box component="ul" aria-label={t('banner.identifiers')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, m: 0 }}>
          {identifiers.map((id, i) => {
            // Labelled by kind (MRN, KVNR, INS, AHV…): the system URI is never shown (identifiers.ts).
            const label = identifierLabel(id, lang);
            const value = text(id['value']) ?? t('identity.noIdentifierValue');
            return (
              <li key={`${text(id['system']) ?? ''}|${text(id['value']) ?? ''}|${i}`}>
                <Chip
                  size="small"
                  variant="outlined"
                  title={label.long}
                  aria-label={`${label.long}: ${value}`}
                  data-testid="patient-identifier"
                  label={`${label.short}: ${value}`}
                />
              </li>
            );
          })}
        </Box>
      )}
    </Paper>
  );
}
