import { Chip, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { ReasonText } from '../components/ReasonText.tsx';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord, InputDefinition, InputValue } from '../../extract/index.ts';
import { categoryValueLabel } from '../i18n/clinical.ts';
import { inputLabel, toClinicalLanguage } from '../i18n/inputs.ts';
import { formatFhirDate } from '../format.ts';
import { displayUnit, formatScalar, inputsForPatient, patientIndications } from './recordView.utils.ts';
import { Section } from './Section.tsx';
import { SourceLinks } from './SourceLinks.tsx';
import { ColumnHeads } from '../components/ColumnHeads.tsx';

type ChipColor = 'success' | 'warning' | 'error' | 'default';
/** MUI's warning orange fails WCAG AA as text (3.1:1): warning chips keep the orange border and use body text. */
const WARNING_SX = { color: 'text.primary', borderColor: 'warning.main', borderWidth: 2 } as const;
/** State chips carry a mark and a word, never colour alone. */
const STATE_CHIP: Record<InputValue['state'], { mark: string; color: ChipColor }> = {
  ok: { mark: '✓', color: 'success' },
  stale: { mark: '◷', color: 'warning' },
  missing: { mark: '○', color: 'default' },
  implausible: { mark: '✕', color: 'error' },
  'unknown-unit': { mark: '?', color: 'warning' },
  possible: { mark: '≈', color: 'warning' },
};

function ValueCell({ value }: { value: InputValue }) {
  const { t, i18n } = useTranslation();
  if (value.state === 'missing') return <>{t('recordView.inputs.noValue')}</>;
  if (value.state === 'unknown-unit') {
    const o = value.original;
    return <>{o?.value !== undefined ? `${String(o.value)} ${o.unit ?? ''}`.trim() : t('recordView.inputs.noValue')}</>;
  }
  const unit = displayUnit(value.unit, (u) => t(`recordView.units.${u}`));
  const text =
    typeof value.value === 'string'
      ? categoryValueLabel(value.name, value.value, toClinicalLanguage(i18n.language))
      : formatScalar(value.value, i18n.language, { yes: t('recordView.inputs.yes'), no: t('recordView.inputs.no') });
  return (
    <>
      {text}
      {unit && typeof value.value === 'number' ? ` ${unit}` : ''}
    </>
  );
}

function InputRow({ def, value }: { def: InputDefinition; value: InputValue }) {
  const { t, i18n } = useTranslation();
  const chip = STATE_CHIP[value.state];
  const evidence = value.state === 'missing' ? undefined : value;
  const reason = value.state === 'ok' ? evidence?.note : value.reason;
  const why = value.state === 'ok' ? evidence?.noteWhy : value.why;
  const lang = toClinicalLanguage(i18n.language);
  return (
    <TableRow data-testid={`input-${def.name}`} data-state={value.state}>
      <TableCell component="th" scope="row" title={lang === 'en' ? def.meaning : undefined}>
        {inputLabel(def.name, toClinicalLanguage(i18n.language))}
        {def.use === 'safety' && (
          <Typography variant="caption" component="div">
            {t('recordView.inputs.safety')}
          </Typography>
        )}
        <Typography variant="caption" component="code" color="text.secondary" sx={{ display: 'block' }}>
          {def.name}
        </Typography>
      </TableCell>
      <TableCell>
        <ValueCell value={value} />
      </TableCell>
      <TableCell>{evidence?.date ? formatFhirDate(evidence.date, i18n.language) : ''}</TableCell>
      <TableCell>
        <Chip
          size="small"
          color={chip.color}
          variant="outlined"
          label={`${chip.mark} ${t(`recordView.states.${value.state}`)}`}
          sx={chip.color === 'warning' ? WARNING_SX : undefined}
        />
        {reason && (
          <Typography variant="caption" component="div">
            <ReasonText why={why} text={reason} />
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {evidence &&
          (evidence.matchedBy === 'text' ? (
            <Chip size="small" variant="outlined" sx={WARNING_SX} label={`⚠ ${t('recordView.inputs.textWarning')}`} data-testid="text-match" />
          ) : (
            t(`recordView.inputs.matched.${evidence.matchedBy}`)
          ))}
      </TableCell>
      <TableCell>{value.sources.length > 0 ? <SourceLinks refs={value.sources} /> : ''}</TableCell>
    </TableRow>
  );
}

/** Every catalogue input for the patient's indication(s): value, date, state, how it matched, and its source. */
export function InputsSection({ record }: { record: ExtractedRecord }) {
  const { t } = useTranslation();
  const indications = patientIndications(record);
  const defs = inputsForPatient(record);
  const c = (k: 'name' | 'value' | 'date' | 'state' | 'match' | 'sources') => t(`recordView.inputs.columns.${k}`);
  const caption =
    indications.length > 0
      ? t('recordView.inputs.caption', { indications: indications.map((i) => t(`indications.${i}`)).join(', ') })
      : t('recordView.inputs.noIndication');
  return (
    <Section id="inputs" title={t('recordView.sections.inputs')}>
      <Table size="small" sx={{ overflowX: 'auto', display: 'block' }}>
        <caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</caption>
        <ColumnHeads columns={[c('name'), c('value'), c('date'), c('state'), c('match'), c('sources')]} />
        <TableBody>
          {defs.map((def) => (
            <InputRow key={def.name} def={def} value={record.inputs[def.name]} />
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
