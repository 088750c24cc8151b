import { Box, Chip, Paper, Typography } from '@mui/material';
import type { HumanName, Patient } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import { ageInYears, formatFhirDate, systemLabel } from '../format.ts';

/** The name a chart shows: the official (else usual, else first) name, family name in capitals. */
export function displayName(patient: Patient): string | null {
  const names = patient.name ?? [];
  const pick = (use: HumanName['use']) => names.find((n) => n.use === use);
  const n = pick('official') ?? pick('usual') ?? names[0];
  if (!n) return null;
  if (n.text?.trim() && !n.family) return n.text.trim();
  const given = (n.given ?? []).join(' ');
  const family = n.family ? n.family.toUpperCase() : '';
  const full = [given, family].filter(Boolean).join(' ');
  return full || n.text?.trim() || null;
}

/** The compact patient banner (one line; hidden when the launch says `need_patient_banner: false`): name, age, sex, date of birth, identifiers. */
export function PatientBanner({ patient, now }: { patient: Patient; now: Date }) {
  const { t, i18n } = useTranslation();
  const name = displayName(patient);
  const age = ageInYears(patient.birthDate, now);
  const born = formatFhirDate(patient.birthDate, i18n.language);
  const sex = patient.gender ? t(`banner.sex.${patient.gender}`) : t('banner.sex.missing');
  return (
    <Paper component="section" aria-label={t('banner.label')} data-testid="patient-banner" sx={{ px: 1.5, py: 0.75, mb: 1.5, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 0.5 }} variant="outlined">
      <Typography variant="h6" component="h2" data-testid="patient-name">
        {name ?? t('banner.noName')}
      </Typography>
      <Typography component="p" data-testid="patient-demographics">
        {[age !== null ? t('banner.age', { age }) : null, sex, born ? t('banner.born', { date: born }) : t('banner.noBirthDate')]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {(patient.identifier?.length ?? 0) > 0 && (
        <Box component="ul" aria-label={t('banner.identifiers')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, m: 0 }}>
          {patient.identifier?.map((id, i) => (
            <li key={`${id.system ?? ''}|${id.value ?? ''}|${i}`}>
              <Chip size="small" variant="outlined" label={`${systemLabel(id.system ?? id.type?.text)}: ${id.value ?? '?'}`} />
            </li>
          ))}
        </Box>
      )}
    </Paper>
  );
}
