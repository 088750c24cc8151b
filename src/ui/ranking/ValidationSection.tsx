import { Alert, Box, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fetchValidation, type Validation, type ValidationArm } from '../../model/validation.ts';
import { drugClassLabels, drugLabel } from '../i18n/drugs.ts';
import { toClinicalLanguage, type ClinicalLanguage } from '../i18n/inputs.ts';

/** Targets of issue 11 for the leave-one-trial-out validation: >= 80% of arms and of differences inside their CI. */
export const TARGET_IN_CI = 0.8;

/**
 * An arm's value: a proportion as a percentage with one decimal (as the model card's table, so a
 * published 14.5% is not shown as 14%), an annualised relapse rate as a rate with two decimals;
 * written the way the app writes percentages (ranking/format.ts: number, space, %).
 */
function value(v: number, endpoint: string, lang: string): string {
  if (endpoint === 'arr') return v.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${(v * 100).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

function endpointLabel(endpoint: string, t: TFunction): string {
  if (/^acr\d+$/.test(endpoint)) return endpoint.toUpperCase();
  const key = `ranking.validation.endpoint.${endpoint}`;
  // An endpoint the app has no words for is shown as the model names it, not hidden.
  return endpoint === 'remission' || endpoint === 'arr' || endpoint === 'relapse-free' ? t(key) : endpoint;
}

/** The arm's name in the UI language: the comparator, a drug (INN or class), "(monotherapy)" translated, "*" when exchangeable. */
function armLabel(arm: ValidationArm, t: TFunction, lang: ClinicalLanguage): string {
  if (arm.role === 'comparator') return t('ranking.validation.comparator');
  const mono = /^(.*) \(monotherapy\)$/.exec(arm.drug);
  const inn = mono?.[1] ?? arm.drug;
  const classes: Readonly<Record<string, string>> = drugClassLabels[lang];
  const named = drugLabel(inn, lang);
  const base = named === inn && Object.hasOwn(classes, inn) ? (classes[inn] ?? inn) : named;
  const label = mono ? t('ranking.validation.monotherapy', { drug: base }) : base;
  return arm.exchangeable ? t('ranking.validation.exchangeableMark', { drug: label }) : label;
}

/**
 * Words of the study labels (models/src/synthesis/data: "CLASSIC I severe", "ULTRA 2 naive", "GEMINI 2
 * TNF-failure") that name a subgroup rather than the trial: translated; the trial's name is kept as
 * published and marked translate="no".
 */
const SUBGROUP_WORDS: Readonly<Record<string, Record<ClinicalLanguage, string>>> = {
  moderate: { en: 'moderate', de: 'mittelschwer', fr: 'modérée' },
  severe: { en: 'severe', de: 'schwer', fr: 'sévère' },
  naive: { en: 'naive', de: 'therapienaiv', fr: 'naïfs' },
  experienced: { en: 'experienced', de: 'vorbehandelt', fr: 'prétraités' },
  exposed: { en: 'exposed', de: 'vorbehandelt', fr: 'exposés' },
  early: { en: 'early', de: 'früh', fr: 'précoce' },
  'TNF-failure': { en: 'TNF-failure', de: 'nach TNF-Versagen', fr: 'après échec anti-TNF' },
  'TNF-naive': { en: 'TNF-naive', de: 'TNF-naiv', fr: 'naïfs d’anti-TNF' },
  'AT-naive': { en: 'AT-naive', de: 'ohne fortgeschrittene Vortherapie', fr: 'naïfs de traitement avancé' },
};

/** A study label: the trial's name as published (translate="no"), its subgroup words in the reader's language. */
function StudyLabel({ study, lang }: { study: string; lang: ClinicalLanguage }) {
  const tokens = study.split(' ');
  const firstSubgroup = tokens.findIndex((w) => Object.hasOwn(SUBGROUP_WORDS, w));
  const name = firstSubgroup < 0 ? tokens : tokens.slice(0, firstSubgroup);
  const rest = firstSubgroup < 0 ? [] : tokens.slice(firstSubgroup);
  return (
    <>
      <span translate="no">{name.join(' ')}</span>
      {rest.length > 0 && ` ${rest.map((w) => (Object.hasOwn(SUBGROUP_WORDS, w) ? (SUBGROUP_WORDS[w]?.[lang] ?? w) : w)).join(' ')}`}
    </>
  );
}

/** A count as a share; nothing to count is not a miss. */
const share = ([x, of]: [number, number]): number => (of === 0 ? 1 : x / of);

function Summary({ v, lang }: { v: Validation; lang: string }) {
  const { t } = useTranslation();
  const n = (x: number) => x.toLocaleString(lang);
  const c = (k: keyof Validation['summary']) => ({ x: n(v.summary[k][0]), n: n(v.summary[k][1]) });
  const met = share(v.summary.armsInCi) >= TARGET_IN_CI && share(v.summary.diffsInCi) >= TARGET_IN_CI;
  const tau = (x: number) => x.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <Box data-testid="validation-summary">
      <Typography variant="body2" gutterBottom>
        {t('ranking.validation.method', { trials: n(v.trials) })}
      </Typography>
      <Box component="ul" sx={{ my: 1, pl: 3 }}>
        <Typography component="li" variant="body2" data-testid="validation-count" data-measure="armsInCi">
          {t('ranking.validation.counts.armsInCi', c('armsInCi'))}
        </Typography>
        <Typography component="li" variant="body2" data-testid="validation-count" data-measure="diffsInCi">
          {t('ranking.validation.counts.diffsInCi', c('diffsInCi'))}
        </Typography>
        <Typography component="li" variant="body2" data-testid="validation-count" data-measure="headToHead">
          {v.summary.headToHead[1] === 0 ? t('ranking.validation.counts.noHeadToHead') : t('ranking.validation.counts.headToHead', c('headToHead'))}
        </Typography>
        <Typography component="li" variant="body2" data-testid="validation-count" data-measure="pi90">
          {t('ranking.validation.counts.pi90', c('pi90'))}
        </Typography>
      </Box>
      <Typography variant="body2" gutterBottom data-testid="validation-tau">
        {t('ranking.validation.tau', { tau: tau(v.tau), lo: tau(v.tauCi[0]), hi: tau(v.tauCi[1]), scale: t(`ranking.validation.scale.${v.tauScale}`) })}
      </Typography>
      <Typography variant="body2" gutterBottom data-testid="validation-targets" data-met={String(met)}>
        {met ? t('ranking.validation.targetsMet') : t('ranking.validation.targetsNotMet')}
      </Typography>
      {v.inSample && (
        <Typography variant="body2" gutterBottom data-testid="validation-in-sample">
          {t('ranking.validation.inSample', {
            arms: n(v.inSample.armsInCi[0]),
            armsN: n(v.inSample.armsInCi[1]),
            diffs: n(v.inSample.diffsInCi[0]),
            diffsN: n(v.inSample.diffsInCi[1]),
          })}
        </Typography>
      )}
    </Box>
  );
}

function ArmsTable({ v, lang }: { v: Validation; lang: string }) {
  const { t } = useTranslation();
  const clinical = toClinicalLanguage(lang);
  const cols = ['trial', 'endpoint', 'drug', 'published', 'predicted', 'inCi'] as const;
  return (
    <>
      <Table size="small" data-testid="validation-table" aria-label={t('ranking.validation.tableCaption')}>
        <TableHead>
          <TableRow>
            {cols.map((k) => (
              <TableCell key={k}>{t(`ranking.validation.columns.${k}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {v.arms.map((a, i) => (
            <TableRow key={`${a.rows}-${a.study}-${a.endpoint}-${a.drug}-${i}`} data-testid="validation-arm" data-in-ci={String(a.inCi)}>
              <TableCell>
                <StudyLabel study={a.study} lang={toClinicalLanguage(lang)} />
              </TableCell>
              <TableCell>{endpointLabel(a.endpoint, t)}</TableCell>
              <TableCell>{armLabel(a, t, clinical)}</TableCell>
              <TableCell>
                {value(a.published, a.endpoint, lang)} ({value(a.ci95[0], a.endpoint, lang)} – {value(a.ci95[1], a.endpoint, lang)})
              </TableCell>
              <TableCell>
                {value(a.predicted, a.endpoint, lang)} ({value(a.pi90[0], a.endpoint, lang)} – {value(a.pi90[1], a.endpoint, lang)})
              </TableCell>
              <TableCell sx={a.inCi ? undefined : { fontWeight: 'bold' }}>{a.inCi ? t('ranking.validation.yes') : t('ranking.validation.no')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {v.arms.some((a) => a.exchangeable) && (
        <Typography variant="caption" component="p" sx={{ mt: 1 }}>
          {t('ranking.validation.exchangeableNote')}
        </Typography>
      )}
    </>
  );
}

/**
 * The model card's "Validation against published trials": metrics.json's leave-one-trial-out
 * figures (models/src/evaluate/loto.ts) for the loaded model, read when the card is opened. A
 * missing or malformed file says so instead of showing partial figures.
 */
export function ValidationSection({ baseUrl, enabled }: { baseUrl: string; enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useQuery({ queryKey: ['model-validation', baseUrl], queryFn: () => fetchValidation(baseUrl), enabled, staleTime: Infinity });
  return (
    <Box component="section" data-testid="validation-section" aria-labelledby="validation-title" sx={{ mb: 2 }}>
      <Typography variant="h6" component="h3" id="validation-title" gutterBottom>
        {t('ranking.validation.title')}
      </Typography>
      {q.isPending && enabled && <CircularProgress size={24} aria-label={t('ranking.validation.loading')} />}
      {(q.isError || (q.data && !q.data.ok)) && (
        <Alert severity="info" data-testid="validation-unavailable" data-problem={q.data && !q.data.ok ? q.data.problem : 'missing'}>
          {t('ranking.validation.notAvailable')}
        </Alert>
      )}
      {q.data?.ok && (
        <>
          <Summary v={q.data.validation} lang={lang} />
          <ArmsTable v={q.data.validation} lang={lang} />
        </>
      )}
    </Box>
  );
}
