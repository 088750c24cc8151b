import { Alert, Box, Button, CircularProgress, List, ListItem, TextField, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation, PreparedRecord, Ranking } from '../../pipeline/index.ts';
import type { FhirSession } from '../../smart/session.ts';
import { loadSettings } from '../../smart/settings.ts';
import { DECISION_RESOURCE_TYPES } from '../../writeback/decisionRecord.ts';
import { draftDecision, errorCode, MAX_SENDS, sendDecision, type PendingDecision } from '../../writeback/sendDecision.ts';
import type { WriteOutcome } from '../../writeback/writeOutcome.ts';
import { SessionContext } from '../SessionContext.ts';
import { useSignedInName } from '../hooks/useSignedInUser.ts';
import type { RecordedDecision } from './printSummary.ts';
import { useDrugLabel } from './useDrugLabel.ts';

/**
 * "Record this decision" (opt-in): shown when the deployment enables `writeBack` and the granted
 * scopes allow creating the decision record's four types. `writeBack` may be passed (tests);
 * otherwise it is read from config.json. `onRecorded` hears of a decision once the EHR confirmed it
 * (the print summary names it).
 */
export function RecordDecision({
  ranking,
  explanation,
  record,
  writeBack,
  onRecorded,
}: {
  ranking: Ranking;
  explanation?: Explanation | undefined;
  record: PreparedRecord;
  writeBack?: boolean;
  onRecorded?: ((decision: RecordedDecision) => void) | undefined;
}) {
  const session = useContext(SessionContext);
  const settings = useQuery({ queryKey: ['deployment-settings'], queryFn: () => loadSettings(), staleTime: Infinity, enabled: writeBack === undefined });
  const enabled = writeBack ?? settings.data?.writeBack ?? false;
  const allowed = session !== null && DECISION_RESOURCE_TYPES.every((t) => session.canCreate(t));
  if (!session || !enabled || !allowed) return null;
  return <DecisionForm session={session} ranking={ranking} explanation={explanation} record={record} onRecorded={onRecorded} />;
}

function DecisionForm({
  session,
  ranking,
  explanation,
  record,
  onRecorded,
}: {
  session: FhirSession;
  ranking: Ranking;
  explanation: Explanation | undefined;
  record: PreparedRecord;
  onRecorded: ((decision: RecordedDecision) => void) | undefined;
}) {
  const { t } = useTranslation();
  const drugLabel = useDrugLabel();
  const first = ranking.options[0]?.drug ?? '';
  const [choice, setChoice] = useState(first);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [attempt, setAttempt] = useState(1);
  // The send loop (writeback/sendDecision.ts) reads the outcome from the answer; it never rejects.
  // The name read once from the fhirUser resource (the header's query): the record's author display.
  const userName = useSignedInName(session);
  const send = useMutation<WriteOutcome, Error, PendingDecision>({
    mutationFn: (p) => sendDecision(session, p, setAttempt),
    // Only a confirmed save is a recorded decision; "may have been saved" is not printed as recorded.
    onSuccess: (outcome, p) => {
      if (outcome.kind === 'saved')
        onRecorded?.({ drug: choice, reason: choice === first ? '' : reason, user: userName ?? session.user, at: new Date(), decisionId: p.decisionId });
    },
  });
  const outcome = send.data;
  const saving = send.isPending;
  const needsReason = choice !== first && reason.trim() === '';
  const locked = pending !== null;

  function submit(): void {
    if (needsReason || saving) return;
    // Generated once per decision and kept: every retry resends exactly this Bundle.
    const p =
      pending ??
      draftDecision({
        ranking,
        ...(explanation ? { explanation } : {}),
        record,
        chosenDrug: choice,
        reason,
        user: session.user,
        userName,
        patientRef: `Patient/${session.patientId}`,
        now: new Date(),
      });
    if (!pending) setPending(p);
    send.mutate(p);
  }

  if (ranking.overridden.length > 0) {
    return (
      <Alert severity="info" data-testid="record-decision-hypothetical" sx={{ my: 2 }}>
        {t('ranking.decision.hypothetical')}
      </Alert>
    );
  }
  return (
    <Box
      component="section"
      aria-labelledby="record-decision-title"
      data-testid="record-decision"
      sx={{ my: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Typography variant="h6" component="h3" id="record-decision-title">
        {t('ranking.decision.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('ranking.decision.intro')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          label={t('ranking.decision.choice')}
          value={choice}
          disabled={locked}
          onChange={(e) => setChoice(e.target.value)}
          slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'decision-choice' }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 260 }}
        >
          {ranking.options.map((o) => (
            <option key={o.drug} value={o.drug}>
              {o.drug === first ? t('ranking.decision.firstRanked', { drug: drugLabel(o.drug) }) : `${o.rank}. ${drugLabel(o.drug)}`}
            </option>
          ))}
        </TextField>
        {choice !== first && (
          <TextField
            size="small"
            required
            multiline
            minRows={2}
            label={t('ranking.decision.reason')}
            value={reason}
            disabled={locked}
            onChange={(e) => setReason(e.target.value)}
            error={needsReason}
            helperText={needsReason ? t('ranking.decision.reasonRequired') : ' '}
            slotProps={{ htmlInput: { 'data-testid': 'decision-reason' } }}
            sx={{ minWidth: 360, flexGrow: 1 }}
          />
        )}
        {!saving && outcome === undefined && (
          <Button variant="contained" onClick={submit} disabled={needsReason || saving} data-testid="decision-submit">
            {t('ranking.decision.submit')}
          </Button>
        )}
      </Box>
      {saving && (
        <Typography role="status" sx={{ mt: 1 }}>
          <CircularProgress size={16} sx={{ mr: 1 }} />
          {attempt > 1 ? t('ranking.decision.attempt', { attempt, max: MAX_SENDS }) : t('ranking.decision.saving')}
        </Typography>
      )}
      {!saving && outcome?.kind === 'saved' && (
        <Alert severity="success" role="status" data-testid="decision-saved" data-decision-id={pending?.decisionId} sx={{ mt: 1 }}>
          {t('ranking.decision.saved', { count: outcome.items.length })}
          <List dense>
            {outcome.items.map((i) => (
              <ListItem key={i.location} data-testid="decision-saved-item" data-location={i.location} sx={{ py: 0 }}>
                {i.location}: {i.created ? t('ranking.decision.created') : t('ranking.decision.existing')}
              </ListItem>
            ))}
          </List>
          <Typography variant="caption">{t('ranking.decision.decisionId', { id: pending?.decisionId })}</Typography>
        </Alert>
      )}
      {!saving && outcome !== undefined && outcome.kind !== 'saved' && pending && (
        <Alert
          severity="error"
          role="alert"
          data-testid="decision-error"
          data-decision-id={pending.decisionId}
          data-error-code={errorCode(outcome)}
          data-outcome={outcome.kind}
          sx={{ mt: 1 }}
          action={
            <Button color="inherit" size="small" onClick={submit} data-testid="decision-retry">
              {t('ranking.decision.retry')}
            </Button>
          }
        >
          {outcome.kind === 'not-saved'
            ? t('ranking.decision.failedHttp', { detail: outcome.detail })
            : t('ranking.decision.failedUnknown', { detail: outcome.detail })}
          <Typography variant="caption" component="div">
            {t('ranking.decision.decisionId', { id: pending.decisionId })}
          </Typography>
        </Alert>
      )}
    </Box>
  );
}
