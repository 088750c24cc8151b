import { Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ActivityReading, CurrentTherapyAssessment, MarkerReading, SwitchReason } from '../../rules/currentTherapy.ts';
import { displayUnit } from '../record/recordView.utils.ts';
import { scoreLabels, translateBand } from '../i18n/clinical.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { formatFhirDate } from '../format.ts';
import { useSafetyText } from '../ranking/useSafetyText.ts';
import { numberFormat } from '../intl.ts';

/**
 * The current therapy's trends as sparklines with words (record view's disease-activity series), for the
 * question panel: render `<TrendSummary record={record} now={now} />` under the response lines.
 * `activitySummary` is the pure function behind it.
 */
export { TrendSummary } from '../record/TrendSummary.tsx';
export { activitySummary, type ActivitySummary, type SummaryItem } from '../record/activity.summary.ts';

const STATUS_COLOR = { responding: 'success', active: 'warning', unknown: 'default' } as const;
const STATUS_MARK = { responding: '✓', active: '▲', unknown: '?' } as const;

/** How the current therapy is doing, as a chip (shape and colour). */
export function StatusChip({ status }: { status: CurrentTherapyAssessment['status'] }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status]}
      label={`${STATUS_MARK[status]} ${t(`decision.question.status.${status}`)}`}
      data-testid="therapy-status"
      data-status={status}
      sx={{ height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal' } }}
    />
  );
}

function useReadingText(): (r: ActivityReading) => string {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  const fmt = (v: number) => numberFormat(i18n.language, { maximumFractionDigits: 1 }).format(v);
  return (r) => {
    const band = r.latest.band ? translateBand(r.latest.band, lang) : '–';
    const head = t('decision.question.activity', {
      score: scoreLabels[lang][r.score],
      value: fmt(r.latest.value),
      band,
      date: formatFhirDate(r.latest.date, i18n.language) ?? r.latest.date,
    });
    const prev = r.previous;
    const trend = prev
      ? t(`decision.question.trend.${r.trend}`, {
          value: fmt(prev.value),
          band: prev.band ? translateBand(prev.band, lang) : '–',
          date: formatFhirDate(prev.date, i18n.language) ?? prev.date,
        })
      : t('decision.question.trend.single');
    return `${head}; ${trend}${r.stale ? ` (${t('decision.question.stale')})` : ''}`;
  };
}

const MARKER_KEY: Readonly<Record<string, string>> = { 'lab.fecal_calprotectin': 'fcal', 'lab.crp': 'crp' };

function useMarkerText(): { value: (m: MarkerReading) => string; full: (m: MarkerReading) => string } {
  const { t, i18n } = useTranslation();
  const fmt = (v: number) => numberFormat(i18n.language, { maximumFractionDigits: 1 }).format(v);
  const date = (raw: string) => formatFhirDate(raw, i18n.language) ?? raw;
  const value = (m: MarkerReading) =>
    t('decision.question.markerValue', {
      name: t(`decision.question.marker.${MARKER_KEY[m.concept] ?? 'crp'}`),
      value: fmt(m.latest.value),
      unit: displayUnit(m.unit),
      date: date(m.latest.date),
    });
  const full = (m: MarkerReading) => {
    const trend = m.previous
      ? t(`decision.question.markerTrend.${m.trend}`, { value: fmt(m.previous.value), date: date(m.previous.date) })
      : t('decision.question.markerTrend.single');
    return `${value(m)} (${trend})${m.stale ? ` (${t('decision.question.stale')})` : ''}`;
  };
  return { value, full };
}

/** The response in one line of words: activity score and trend; in MS relapses, MRI activity, EDSS and NEDA-3 (also printed). */
export function useResponseText(): (assessment: CurrentTherapyAssessment) => string {
  const { t, i18n } = useTranslation();
  const readingText = useReadingText();
  const markerText = useMarkerText();
  return (assessment) => {
    const { ms, activity, markers } = assessment;
    const n = (v: number | null | undefined) => (v === null || v === undefined ? t('decision.question.ms.notRecorded') : String(v));
    if (ms) {
      let neda = 'unknown';
      if (ms.neda3?.status === 'complete') neda = ms.neda3.value === 1 ? 'met' : 'notMet';
      return [
        t('decision.question.ms.relapses', { r12: n(ms.relapses12), r24: n(ms.relapses24) }),
        t('decision.question.ms.lesions', { t2: n(ms.newT2), gd: n(ms.gd) }),
        ms.edss
          ? t('decision.question.ms.edss', {
              value: numberFormat(i18n.language, { maximumFractionDigits: 1 }).format(ms.edss.value),
              date: formatFhirDate(ms.edss.date, i18n.language) ?? '–',
            })
          : null,
        t(`decision.question.ms.neda.${neda}`),
      ]
        .filter(Boolean)
        .join(' · ');
    }
    return [activity ? readingText(activity) : t('decision.question.noActivity'), ...markers.map(markerText.full)].join(' · ');
  };
}

/** The response lines: activity score and trend; in MS relapses, MRI activity, EDSS and NEDA-3. */
export function ResponseLines({ assessment }: { assessment: CurrentTherapyAssessment }) {
  const responseText = useResponseText();
  return (
    <Typography variant="body2" data-testid="response-lines">
      {responseText(assessment)}
    </Typography>
  );
}

/** One switch reason in words (a safety finding in its own translated text). */
export function useSwitchReasonText(): (r: SwitchReason) => string {
  const { t, i18n } = useTranslation();
  const flagText = useSafetyText();
  const lang = toClinicalLanguage(i18n.language);
  return (r) => {
    switch (r.kind) {
      case 'safety':
        return flagText(r.flag);
      case 'active-disease':
        return t('decision.question.reason.active-disease', {
          score: scoreLabels[lang][r.reading.score],
          value: numberFormat(i18n.language, { maximumFractionDigits: 1 }).format(r.reading.latest.value),
          band: r.reading.latest.band ? translateBand(r.reading.latest.band, lang) : '–',
        });
      case 'ms-activity':
        return t('decision.question.reason.ms-activity', { relapses: r.relapses12, lesions: r.newLesions });
      case 'pregnancy-planned':
        return t('decision.question.reason.pregnancy-planned');
      case 'steroids':
        return t('decision.question.reason.steroids');
      case 'inflammation':
        return t('decision.question.reason.inflammation', {
          name: t(`decision.question.marker.${MARKER_KEY[r.marker.concept] ?? 'crp'}`),
          value: numberFormat(i18n.language, { maximumFractionDigits: 1 }).format(r.marker.latest.value),
          unit: displayUnit(r.marker.unit),
        });
    }
  };
}
