import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ReasonText } from '../components/ReasonText.tsx';
import { useTranslation } from 'react-i18next';
import type { Explanation, Ranking } from '../../pipeline/index.ts';
import { useInputLabel } from './useInputLabel.ts';
import { numberFormat } from '../intl.ts';

/** The missing inputs that would move the ranking most: what to look up or order before deciding. */
export function GapImpactPanel({ recommendation, explanation }: { recommendation: Ranking; explanation: Explanation | undefined }) {
  const { t, i18n } = useTranslation();
  const label = useInputLabel();
  const why = new Map(recommendation.excluded.map((e) => [e.input, e]));
  if (!explanation) return null;
  const rows = explanation.gapImpact.filter((g) => !recommendation.overridden.includes(g.input));
  return (
    <section aria-labelledby="gap-impact-title" data-testid="gap-impact">
      <Typography variant="h6" component="h3" id="gap-impact-title">
        {t('ranking.gaps.title')}
      </Typography>
      {rows.length === 0 ? (
        <Typography>{t('ranking.gaps.none')}</Typography>
      ) : (
        <>
          <Typography variant="body2">{t('ranking.gaps.intro')}</Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                {(['input', 'why', 'change', 'top'] as const).map((c) => (
                  <TableCell key={c} component="th" scope="col">
                    {t(`ranking.gaps.columns.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((g) => {
                const e = why.get(g.input);
                return (
                  <TableRow key={g.input} data-input={g.input}>
                    <TableCell>{label(g.input)}</TableCell>
                    <TableCell>
                      {t(`ranking.gaps.states.${e?.state ?? 'missing'}`)}
                      {e?.reason ? ' – ' : ''}
                      {e?.reason ? <ReasonText why={e.why} text={e.reason} /> : null}
                    </TableCell>
                    <TableCell>{numberFormat(i18n.language, { maximumFractionDigits: 1 }).format(g.maxAbsChange * 100)} pp</TableCell>
                    <TableCell>{g.topChanges ? t('ranking.gaps.yes') : t('ranking.gaps.no')}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
