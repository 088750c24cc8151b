import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord } from '../../extract/extract.ts';
import type { Explanation, Ranking } from '../../pipeline/index.ts';
import { ExplanationView } from './ExplanationView.tsx';
import { FlagList, SeverityChip } from './FlagList.tsx';
import { percent } from './format.ts';
import { useDrugLabel } from './useDrugLabel.ts';

/** An interval drawn on a 0–100 % scale, the point estimate marked: uncertainty is always visible. */
function IntervalBar({ p, lower, upper }: { p: number; lower: number; upper: number }) {
  return (
    <Box aria-hidden sx={{ position: 'relative', height: 12, width: 160, bgcolor: 'grey.200', borderRadius: 1 }}>
      <Box sx={{ position: 'absolute', left: `${lower * 100}%`, width: `${Math.max(0.5, (upper - lower) * 100)}%`, top: 3, height: 6, bgcolor: 'primary.light' }} />
      <Box sx={{ position: 'absolute', left: `calc(${p * 100}% - 1px)`, width: 3, top: 0, height: 12, bgcolor: 'primary.dark' }} />
    </Box>
  );
}

/** The ranked options: probability with interval, safety flags, current therapy, and the explanation on demand. */
export function OptionsTable({ recommendation, explanation: ex, record }: { recommendation: Ranking; explanation: Explanation | undefined; record: ExtractedRecord }) {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const lang = i18n.language;
  const [open, setOpen] = useState<string | null>(null);
  const cols = ['rank', 'drug', 'probability', 'interval', 'flags', 'details'] as const;
  return (
    <Table size="small" data-testid="ranking-table">
      <TableHead>
        <TableRow>
          {cols.map((c) => (
            <TableCell key={c} component="th" scope="col">
              {t(`ranking.columns.${c}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {recommendation.options.map((o) => {
          const explanation = ex?.explanations[o.drug];
          const isOpen = open === o.drug;
          return (
            <Fragment key={o.drug}>
              <TableRow data-testid="ranked-option" data-drug={o.drug} data-rank={o.rank} data-worst={o.worst ?? 'none'} data-probability={o.probability}>
                <TableCell>{o.rank}</TableCell>
                <TableCell component="th" scope="row">
                  <Typography sx={{ fontWeight: 600 }}>{o.current ? t('ranking.continueCurrent', { drug: drugLabel(o.drug) }) : drugLabel(o.drug)}</Typography>
                  {o.current && <Chip size="small" label={t('ranking.current')} color="primary" variant="outlined" data-testid="current-therapy" />}
                  {o.indistinguishableFromTop && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {t('ranking.overlaps')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell data-testid="probability">
                  <Typography sx={{ fontWeight: 600 }}>{percent(o.probability, lang)}</Typography>
                </TableCell>
                <TableCell data-testid="interval">
                  <Typography variant="body2">
                    {percent(o.lower, lang)} – {percent(o.upper, lang)}
                  </Typography>
                  <IntervalBar p={o.probability} lower={o.lower} upper={o.upper} />
                </TableCell>
                <TableCell data-testid="flags">
                  {o.worst ? <SeverityChip severity={o.worst} /> : <Typography variant="body2">{t('ranking.noFlags')}</Typography>}
                  {o.flags.length > 0 && <FlagList flags={o.flags} />}
                </TableCell>
                <TableCell>
                  {explanation && (
                    <Button size="small" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : o.drug)} data-testid={`explain-${o.drug}`}>
                      {isOpen ? t('ranking.hideExplanation', { drug: drugLabel(o.drug) }) : t('ranking.showExplanation', { drug: drugLabel(o.drug) })}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
              {isOpen && explanation && (
                <TableRow>
                  <TableCell colSpan={cols.length}>
                    <ExplanationView explanation={explanation} record={record} modelValues={recommendation.modelValues} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
