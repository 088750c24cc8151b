import { Alert, Box, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import { Activity, startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { recordExplained, recordExplanationsVisible, recordRanked, recordRankingVisible } from '../../pipeline/metrics.ts';
import { afterPaint } from '../afterPaint.ts';
import { useTranslation } from 'react-i18next';
import type { Patient } from 'fhir/r4';
import { provisionalOptions, type PreparedRecord } from '../../pipeline/index.ts';
import type { Indication } from '../../extract/indications.ts';
import type { InputScalar } from '../../extract/values.ts';
import { ModelError } from '../../model/errors.ts';
import { useModel, useModelSpec, useRecommendation } from '../hooks/useRecommendation.ts';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { CurrentMedicationFlags } from './CurrentMedicationFlags.tsx';
import { GapImpactPanel } from './GapImpactPanel.tsx';
import { ModelCardButton } from './ModelCardDialog.tsx';
import { SafetyRulesButton } from '../safety/SafetyRulesPage.tsx';
import { DecisionOptions } from '../decision/DecisionOptions.tsx';
import { PrintSummary } from './PrintSummary.tsx';
import type { RecordedDecision } from './printSummary.ts';
import { RecordDecision } from './RecordDecision.tsx';
import { ReferenceScoresPanel } from './ReferenceScoresPanel.tsx';
import { WhatIfEditor } from './WhatIfEditor.tsx';
import { translateSpecText } from '../i18n/clinical.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';

/** The longest the record view waits for the explanations once the ranking is on screen (ms; our choice). */
const RECORD_VIEW_WAIT_MS = 1000;

function ModelErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ModelError ? error.code : 'runtime-failed';
  return (
    <Alert severity="error" role="alert" data-testid="model-error" data-error-code={code}>
      {t(`ranking.modelError.${code}`)} ({error instanceof Error ? error.message : String(error)})
    </Alert>
  );
}

/**
 * The screen the specialist opens the app for: which drug next, how sure, why, and what forbids it.
 * `indications` are those found in the record; with several, the clinician chooses.
 */
export function RankingPanel({
  record,
  indications,
  now,
  onIndicationChange,
  onSettled,
  patient,
  readPlan,
}: {
  record: PreparedRecord;
  indications: Indication[];
  now: Date;
  onIndicationChange: (i: Indication) => void;
  /** Called once the ranking (or the reason there is none) is on screen. */
  onSettled?: () => void;
  /** The launch's Patient, for the print summary's name, birth date and identifiers. */
  patient?: Patient | undefined;
  /** How the record was read (one technical line, src/extract/readPlan.summary.ts), written into the decision's Provenance. */
  readPlan?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  const indication = record.primaryIndication;
  const model = useModel(indication);
  const [overrides, setOverrides] = useState<Readonly<Record<string, InputScalar | null>>>({});
  // The decision recorded on this screen (per indication), for the print summary.
  const [recorded, setRecorded] = useState<{ indication: Indication; decision: RecordedDecision } | null>(null);
  // Paint the ranking first (issue 15): once the first ranking is on screen the explanation starts
  // (its batch planning is 15-40 ms of the main thread), and the panels below the options (decision
  // recording, reference scores, missing-input impact, what-if, print summary) render as a transition,
  // so the explanations, when they arrive, are painted before that work finishes.
  const [painted, setPainted] = useState(false);
  const [extras, setExtras] = useState(false);
  const { ranking: rec, explanation } = useRecommendation(record, model.data, overrides, { explain: painted, now });
  const ex = explanation.data;

  // The ranking is rendered as a deferred (concurrent) update: React builds the table in slices of a
  // few milliseconds instead of one 100-200 ms task, so the page stays responsive (issue 15: no task
  // over 50 ms between the last FHIR response and the visible ranking) and commits it in one piece.
  const deferred = useDeferredValue(rec.data);
  // The query keeps the last ranking while another one loads (what-if values); a ranking of another
  // indication (the clinician switched) is never shown for this one, nor is one without this model's spec.
  const r = deferred && model.data && deferred.indication === indication ? deferred : undefined;
  useEffect(() => {
    if (!r || painted) return undefined;
    return afterPaint(() => {
      setPainted(true);
      startTransition(() => setExtras(true));
    });
  }, [r, painted]);
  const noRanking = !indication || model.isError || rec.isError;
  // While the runtime and the session load (0.7-1.2 s after spec.json on this machine), the options are
  // rendered hidden from the record and the spec alone: tiers, safety findings, histories, checklist
  // (they do not depend on the model). When the ranking arrives the same elements are revealed and only
  // what the probabilities change is rendered: the ranking's own render was most of the app's work
  // between max(read, model) and the visible ranking (issue 15). Never shown without the ranking.
  const preSpec = useModelSpec(indication).data?.spec;
  const provisional = useMemo(() => {
    if (r || noRanking || !preSpec) return null;
    try {
      return provisionalOptions(record, preSpec, now);
    } catch {
      return null; // only a head start: the ranking itself reports what went wrong
    }
  }, [r, noRanking, preSpec, record, now]);
  const explained = explanation.isSuccess || explanation.isError;
  // The record view below waits until the ranking (or the reason there is none) and its explanations
  // have been painted: rendered meanwhile, it held the explanations back by 150-250 ms (bench, issue 15).
  // It never waits more than RECORD_VIEW_WAIT_MS after the ranking is painted.
  useEffect(() => {
    if (!onSettled) return undefined;
    if (noRanking || (painted && explained)) return afterPaint(onSettled);
    if (!painted) return undefined;
    const timer = setTimeout(onSettled, RECORD_VIEW_WAIT_MS);
    return () => clearTimeout(timer);
  }, [noRanking, painted, explained, onSettled]);
  useEffect(() => {
    if (!r || r.overridden.length > 0) return undefined;
    recordRanked(r, model.data);
    return afterPaint(recordRankingVisible);
  }, [r, model.data]);
  useEffect(() => {
    if (!ex || !r || r.overridden.length > 0) return undefined;
    recordExplained(ex);
    return afterPaint(recordExplanationsVisible);
  }, [ex, r]);

  if (!indication) return <Alert severity="info">{t('ranking.noIndication')}</Alert>;
  const spec = model.data?.spec;
  const shown = r ?? provisional;
  return (
    <Box component="section" aria-labelledby="ranking-title" data-testid="ranking" sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h2" id="ranking-title" sx={{ flexGrow: 1, fontSize: { xs: '1.2rem', md: '1.5rem' } }}>
          {t('ranking.title')}: {t(`indications.${indication}`)}
        </Typography>
        {indications.length > 1 && (
          <TextField
            select
            size="small"
            label={t('ranking.chooseIndication')}
            value={indication}
            onChange={(e) => onIndicationChange(e.target.value as Indication)}
            sx={{ minWidth: 220 }}
          >
            {indications.map((i) => (
              <MenuItem key={i} value={i}>
                {t(`indications.${i}`)}
              </MenuItem>
            ))}
          </TextField>
        )}
        {model.data && <ModelCardButton model={model.data} />}
        <SafetyRulesButton />
        {r && extras && (
          <PrintSummary
            recommendation={r}
            record={record}
            now={now}
            patient={patient}
            decision={recorded?.indication === r.indication ? recorded.decision : null}
          />
        )}
      </Box>
      {model.isPending && (
        <Typography role="status">
          <CircularProgress size={16} sx={{ mr: 1 }} />
          {t('ranking.loadingModel', { indication: t(`indications.${indication}`) })}
        </Typography>
      )}
      {model.isError && <ModelErrorAlert error={model.error} />}
      {rec.isError && <ModelErrorAlert error={rec.error} />}
      {spec && !r && !rec.isError && (
        <Typography role="status">
          <CircularProgress size={16} sx={{ mr: 1 }} />
          {t('ranking.computing')}
        </Typography>
      )}
      {spec && r && (
        <>
          <Typography data-testid="endpoint">
            {t('ranking.endpointSentence', {
              endpoint: translateSpecText(spec.outputs.endpoint, lang),
              horizon: translateSpecText(spec.outputs.horizon, lang),
            })}
          </Typography>
          {r.overridden.length > 0 && (
            <Alert severity="info" role="status" data-testid="hypothetical" sx={{ my: 1 }}>
              {t('ranking.hypothetical', { inputs: r.overridden.join(', ') })}
            </Alert>
          )}
        </>
      )}
      {shown && (
        <Activity mode={r ? 'visible' : 'hidden'}>
          <PanelBoundary name="options" resetKey={r ? 'ranking' : 'provisional'}>
            <Box sx={{ opacity: rec.isFetching ? 0.6 : 1 }} aria-busy={rec.isFetching}>
              <DecisionOptions recommendation={shown} explanation={ex} record={record} now={now} />
            </Box>
          </PanelBoundary>
        </Activity>
      )}
      {spec && r && (
        <>
          <Alert severity="warning" variant="outlined" sx={{ my: 1 }}>
            {t('ranking.notCertain')} {r.options.some((o) => o.worst === 'contraindicated') ? t('ranking.contraindicatedGroup') : ''}
          </Alert>
          {/* Safety findings on the current medication are part of the first screen, before any decision is recorded. */}
          <PanelBoundary name="current-medications">
            <CurrentMedicationFlags recommendation={r} />
          </PanelBoundary>
          {extras && (
            <>
              <PanelBoundary name="record-decision">
                <RecordDecision
                  key={r.indication}
                  ranking={r}
                  explanation={ex}
                  record={record}
                  patient={patient}
                  readPlan={readPlan}
                  onRecorded={(decision) => setRecorded({ indication: r.indication, decision })}
                />
              </PanelBoundary>
              <PanelBoundary name="reference-scores">
                <ReferenceScoresPanel recommendation={r} />
              </PanelBoundary>
              <PanelBoundary name="gap-impact">
                <GapImpactPanel recommendation={r} explanation={ex} />
              </PanelBoundary>
              <PanelBoundary name="what-if">
                <WhatIfEditor
                  spec={spec}
                  recorded={Object.fromEntries(spec.inputs.map((i) => [i.name, r.modelValues[i.name] ?? null]))}
                  overrides={overrides}
                  onChange={setOverrides}
                />
              </PanelBoundary>
            </>
          )}
        </>
      )}
    </Box>
  );
}
