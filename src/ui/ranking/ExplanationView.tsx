import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { InputName } from '../../extract/catalogue.ts';
import type { ExtractedRecord } from '../../extract/extract.ts';
import type { DrugExplanation } from '../../model/explain.ts';
import { PERMUTATION_PAIRS } from '../../model/explain.ts';
import { formatFhirDate } from '../format.ts';
import { percent, points } from './format.ts';
import { useInputLabel } from './useInputLabel.ts';
import { categoryValueLabel } from '../i18n/clinical.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { SourceListButton } from '../components/SourceListButton.tsx';
import { numberFormat } from '../intl.ts';

const SHOWN = 10;

/**
 * Why the model gives this probability: Shapley contributions per input, each with the value used,
 * its date and its source in the record, as a chart and as a table.
 */
export function ExplanationView({
  explanation,
  record,
  modelValues,
}: {
  explanation: DrugExplanation;
  record: ExtractedRecord;
  modelValues: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation();
  const label = useInputLabel();
  const lang = i18n.language;
  const rows = explanation.contributions.filter((c) => c.phi !== 0).sort((a, b) => Math.abs(b.phi) - Math.abs(a.phi));
  const chartRows = rows.slice(0, SHOWN).map((c) => ({ name: label(c.input), phi: c.phi * 100 }));
  const valueText = (input: string): string => {
    const v = modelValues[input];
    if (v === null || v === undefined) return t('ranking.explanation.missingValue');
    const rec = record.inputs[input as InputName];
    const unit = rec && 'unit' in rec && rec.unit ? ` ${rec.unit}` : '';
    if (typeof v === 'number') return `${numberFormat(lang, { maximumFractionDigits: 2 }).format(v)}${unit}`;
    if (typeof v === 'boolean') return v ? t('ranking.gaps.yes') : t('ranking.gaps.no');
    return typeof v === 'string' ? categoryValueLabel(input as InputName, v, toClinicalLanguage(lang)) : JSON.stringify(v);
  };
  return (
    <Box
      component="section"
      aria-label={t('ranking.explanation.title', { drug: explanation.drug })}
      data-testid={`explanation-${explanation.drug}`}
      sx={{ my: 1 }}
    >
      <Typography variant="subtitle1" component="h4">
        {t('ranking.explanation.title', { drug: explanation.drug })}
      </Typography>
      <Typography variant="body2">
        {t('ranking.explanation.intro', { reference: percent(explanation.reference, lang), prediction: percent(explanation.prediction, lang) })}{' '}
        {explanation.method === 'exact' ? t('ranking.explanation.exact') : t('ranking.explanation.sampled', { permutations: PERMUTATION_PAIRS * 2 })}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">{t('ranking.explanation.noneActive')}</Typography>
      ) : (
        <>
          <Box
            role="img"
            aria-label={t('ranking.explanation.chartLabel', { drug: explanation.drug })}
            sx={{ height: 28 * chartRows.length + 40, maxWidth: 720 }}
          >
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 28 * chartRows.length + 40 }}>
              <BarChart data={chartRows} layout="vertical" margin={{ left: 8, right: 24 }}>
                <XAxis type="number" unit=" pp" />
                <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
                <ReferenceLine x={0} stroke="#555" />
                <Tooltip formatter={(v) => `${Number(v).toFixed(1)} pp`} />
                <Bar dataKey="phi" isAnimationActive={false}>
                  {chartRows.map((r) => (
                    <Cell key={r.name} fill={r.phi >= 0 ? '#2e7d32' : '#c62828'} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <Box component="details">
            <summary>{t('ranking.explanation.showTable')}</summary>
            <Table size="small" data-testid={`explanation-table-${explanation.drug}`}>
              <TableHead>
                <TableRow>
                  {(['input', 'value', 'date', 'source', 'contribution'] as const).map((k) => (
                    <TableCell key={k} component="th" scope="col">
                      {t(`ranking.explanation.columns.${k}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((c) => {
                  const rec = record.inputs[c.input as InputName];
                  return (
                    <TableRow key={c.input} data-input={c.input}>
                      <TableCell>{label(c.input)}</TableCell>
                      <TableCell>{valueText(c.input)}</TableCell>
                      <TableCell>{rec && 'date' in rec ? (formatFhirDate(rec.date, lang) ?? '') : ''}</TableCell>
                      <TableCell>{rec ? <SourceListButton refs={rec.sources} /> : ''}</TableCell>
                      <TableCell data-phi={c.phi}>
                        {points(c.phi, lang)}
                        {c.se > 0 ? ` ± ${(c.se * 100).toFixed(1)}` : ''}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Box>
  );
}
