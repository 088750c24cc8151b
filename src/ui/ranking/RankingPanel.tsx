import { Alert, Box, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { recordExplained, recordExplanationsVisible, recordRanked, recordRankingVisible } from '../../pipeline/metrics.ts';
import { afterPaint } from '../afterPaint.ts';
import { useTranslation } from 'react-i18next';
import type { Patient } from 'fhir/r4';
import type { PreparedRecord } from '../../pipeline/index.ts';
import type { Indication } from '../../extract/indications.ts';
import type { InputScalar } from '../../extract/values.ts';
import { ModelError } from '../../model/errors.ts';
import { useModel, useRecommendation } from '../hooks/useRecommendation.ts';
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
  const { ranking: rec, explanation } = useRecommendation(record, model.data, overrides);
  const ex = explanation.data;

  const r0 = rec.data;
  const settled = !indication || model.isError || rec.isError || r0 !== undefined;
  // The record view below waits until the ranking (or the reason there is none) has been painted.
  useEffect(() => {
    if (!settled || !onSettled) return undefined;
    return afterPaint(onSettled);
  }, [settled, onSettled]);
  useEffect(() => {
    if (!r0 || r0.overridden.length > 0) return undefined;
    recordRanked(r0, model.data);
    return afterPaint(recordRankingVisible);
  }, [r0, model.data]);
  useEffect(() => {
    if (!ex || !r0 || r0.overridden.length > 0) return undefined;
    recordExplained(ex);
    return afterPaint(recordExplanationsVisible);
  }, [ex, r0]);

  if (!indication) return <Alert severity="info">{t('ranking.noIndication')}</Alert>;
  const spec = model.data?.spec;
  const r = rec.data;
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
        {r && (
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
          <PanelBoundary name="options">
            <Box sx={{ opacity: rec.isFetching ? 0.6 : 1 }} aria-busy={rec.isFetching}>
              <DecisionOptions recommendation={r} explanation={ex} record={record} now={now} />
            </Box>
          </PanelBoundary>
          <Alert severity="warning" variant="outlined" sx={{ my: 1 }}>
            {t('ranking.notCertain')} {r.options.some((o) => o.worst === 'contraindicated') ? t('ranking.contraindicatedGroup') : ''}
          </Alert>
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
          <PanelBoundary name="current-medications">
            <CurrentMedicationFlags recommendation={r} />
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
    </Box>
  );
}
