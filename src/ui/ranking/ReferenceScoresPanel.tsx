import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../pipeline/index.ts';
import type { ScoreResult } from '../../scores/types.ts';
import { useDrugLabel } from './useDrugLabel.ts';
import { translateBand } from '../i18n/clinical.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { numberFormat } from '../intl.ts';

/** The drug a reference score speaks about (the MS scores concern staying on the current injectable). */
const SCORE_DRUG: Partial<Record<ScoreResult['score'], string>> = { 'vedo-cdst': 'vedolizumab' };

/** A score "favours" its drug when its band says response is likely (the score's own bands). */
function favourable(result: ScoreResult): boolean | null {
  if (result.status !== 'complete' || !result.band) return null;
  if (/high/i.test(result.band)) return true;
  if (/low/i.test(result.band)) return false;
  return null;
}

/**
 * Published reference scores beside the model. Where a score speaks about one drug, its verdict is
 * compared with the model's rank of that drug and any disagreement is said in words.
 */
export function ReferenceScoresPanel({ recommendation }: { recommendation: Ranking }) {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const scores = recommendation.referenceScores;
  if (scores.length === 0) return null;
  const n = recommendation.options.length;
  return (
    <section aria-labelledby="reference-scores-title" data-testid="reference-scores">
      <Typography variant="h6" component="h3" id="reference-scores-title">
        {t('ranking.reference.title')}
      </Typography>
      <Typography variant="body2">{t('ranking.reference.intro')}</Typography>
      <List dense>
        {scores.map((s) => {
          const drug = SCORE_DRUG[s.score];
          const option = drug ? recommendation.options.find((o) => o.drug === drug) : undefined;
          const fav = favourable(s);
          const modelFavours = option ? option.rank <= Math.ceil(n / 3) : null;
          const disagree = option && fav !== null && modelFavours !== null && fav !== modelFavours;
          const value = s.value === null ? '' : numberFormat(i18n.language, { maximumFractionDigits: 2 }).format(s.value);
          return (
            <ListItem key={s.score} data-score={s.score} data-disagree={disagree ? 'true' : 'false'} disableGutters>
              <ListItemText
                primary={`${t(`score.${s.score}`, { defaultValue: s.score })}: ${value} ${s.band ? `(${translateBand(s.band, toClinicalLanguage(i18n.language))})` : ''}`}
                secondary={[
                  s.status !== 'complete' ? t('ranking.reference.incomplete', { missing: s.missing.join(', ') }) : null,
                  option && drug && fav !== null && disagree
                    ? t('ranking.reference.disagree', {
                        drug: drugLabel(drug),
                        band: s.band ? translateBand(s.band, toClinicalLanguage(i18n.language)) : '',
                        rank: option.rank,
                        count: n,
                      })
                    : null,
                  option && drug && fav !== null && !disagree ? t('ranking.reference.agree', { drug: drugLabel(drug) }) : null,
                  s.score === 'modified-rio' || s.score === 'magnims' ? t('ranking.reference.caveatRms') : null,
                  s.citation,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItem>
          );
        })}
      </List>
    </section>
  );
}
