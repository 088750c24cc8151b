import { Alert, Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ModelSpec } from '../../../contract/spec.ts';
import { fetchValidation, type ValidationResult } from '../../model/validation.ts';
import { translateSpecText } from '../i18n/clinical.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { TARGET_IN_CI } from './ValidationSection.tsx';

const KNOWN = new Set(['cd', 'uc', 'ra', 'rms']);

/** The figures the plain-language page states, read from spec.json and metrics.json (never copied into the text). */
export interface PlainFacts {
  /** `cd`, `uc`, `ra`, `rms`, or `other` for a site's own model. */
  indication: 'cd' | 'uc' | 'ra' | 'rms' | 'other';
  endpoint: string;
  horizon: string;
  /** The interval's level in percent (spec.outputs.interval.nominal x 100). */
  nominal: number;
  /** Simulated training records (spec.training.records), null when the spec does not say. */
  records: number | null;
  drugs: number;
  /** Leave-one-trial-out counts (metrics.json `loto.summary`), null when not available. */
  loto: { trials: number; arms: number; inCi: number; inPi: number; headToHead: [number, number]; belowTarget: boolean } | null;
}

/** Reads the plain-language figures from a model's spec and its validation. */
export function plainFacts(spec: ModelSpec, validation: ValidationResult | undefined): PlainFacts {
  const indication = spec.indication.toLowerCase();
  const records = spec.training['records'];
  const v = validation?.ok ? validation.validation : null;
  return {
    indication: KNOWN.has(indication) ? (indication as PlainFacts['indication']) : 'other',
    endpoint: spec.outputs.endpoint,
    horizon: spec.outputs.horizon,
    nominal: Math.round(spec.outputs.interval.nominal * 100),
    records: typeof records === 'number' && Number.isFinite(records) ? records : null,
    drugs: spec.outputs.drugs.length,
    loto: v
      ? {
          trials: v.trials,
          arms: v.summary.armsInCi[1],
          inCi: v.summary.armsInCi[0],
          inPi: v.summary.pi90[0],
          headToHead: v.summary.headToHead,
          belowTarget: v.summary.armsInCi[1] > 0 && v.summary.armsInCi[0] / v.summary.armsInCi[1] < TARGET_IN_CI,
        }
      : null,
  };
}

function Section({ id, title, items }: { id: string; title: string; items: string[] }) {
  return (
    <Box component="section" aria-labelledby={`model-plain-${id}`} data-testid={`model-plain-${id}`} sx={{ mb: 1.5 }}>
      <Typography component="h3" variant="subtitle1" id={`model-plain-${id}`} sx={{ fontWeight: 700 }}>
        {title}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {items.map((text) => (
          <Typography component="li" variant="body2" key={text}>
            {text}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}

/**
 * The first page of the model card, in the UI language: intended use (who, which decision, not for
 * what), what a percentage and its interval mean, that the model learnt from simulated patients, and
 * the main limits with the leave-one-trial-out counts of metrics.json.
 */
export function ModelCardSummary({ spec, baseUrl, enabled }: { spec: ModelSpec; baseUrl: string; enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  // The validation section's own query (same key): metrics.json is fetched once for both.
  const validation = useQuery({ queryKey: ['model-validation', baseUrl], queryFn: () => fetchValidation(baseUrl), enabled, staleTime: Infinity });
  const f = plainFacts(spec, validation.data);
  const n = (x: number) => x.toLocaleString(i18n.language);
  const limits = [
    t('modelCard.limits.simulatedOnly'),
    ...(f.loto
      ? [
          t('modelCard.limits.loto', { trials: n(f.loto.trials), inCi: n(f.loto.inCi), inPi: n(f.loto.inPi), arms: n(f.loto.arms) }),
          ...(f.loto.belowTarget ? [t('modelCard.limits.belowTarget')] : []),
          ...(f.loto.headToHead[1] > 0 ? [t('modelCard.limits.headToHead', { ok: n(f.loto.headToHead[0]), n: n(f.loto.headToHead[1]) })] : []),
        ]
      : []),
    ...(!f.loto && validation.data ? [t('modelCard.limits.lotoMissing')] : []),
    t('modelCard.limits.unlikeTrials'),
    t('modelCard.limits.unverified'),
    ...(f.indication === 'other' ? [] : [t(`modelCard.limits.specific.${f.indication}`)]),
  ];
  return (
    <Box data-testid="model-card-plain" sx={{ mb: 2 }}>
      <Typography component="h3" variant="h6" gutterBottom>
        {t('modelCard.plainTitle')}
      </Typography>
      <Alert severity="warning" sx={{ mb: 1.5 }}>
        {t('modelCard.simulated')}
      </Alert>
      <Section
        id="use"
        title={t('modelCard.use.title')}
        items={[
          t('modelCard.use.who', { population: t(`modelCard.population.${f.indication}`) }),
          t('modelCard.use.decision', { count: f.drugs }),
          t('modelCard.use.notFor'),
        ]}
      />
      <Section
        id="number"
        title={t('modelCard.number.title')}
        items={[
          t('modelCard.number.probability', { endpoint: translateSpecText(f.endpoint, lang), horizon: translateSpecText(f.horizon, lang) }),
          t('modelCard.number.interval', { nominal: f.nominal }),
          t('modelCard.number.compare'),
        ]}
      />
      <Section
        id="data"
        title={t('modelCard.data.title')}
        items={[f.records === null ? t('modelCard.data.simulatedNoCount') : t('modelCard.data.simulated', { records: n(f.records) })]}
      />
      <Section id="limits" title={t('modelCard.limits.title')} items={limits} />
    </Box>
  );
}
