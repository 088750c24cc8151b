import { Alert, Box, Button, CircularProgress, List, ListItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { Bundle } from 'fhir/r4';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation, PreparedRecord, Ranking } from '../../pipeline.ts';
import { buildDecisionTransaction, DECISION_RESOURCE_TYPES } from '../../rules/decisionRecord.ts';
import { codeForStatus } from '../../smart/errors.ts';
import { afterEarlierSends, classifyTransactionAnswer, sendWrite, type SavedItem, type WriteOutcome } from '../../rules/writeOutcome.ts';
import type { FhirSession } from '../../smart/session.ts';
import { loadSettings } from '../../smart/settings.ts';
import { SessionContext } from '../SessionContext.ts';
import { useDrugLabel } from './useDrugLabel.ts';

/** Sends of one decision before the clinician is asked (the transport already retries 429/503 itself). */
export const MAX_SENDS = 3;
/** The software agent of the Provenance; its version follows package.json. */
const APP = { name: 'Therapy Navigator', version: '0.1.0' };

type Phase =
  | { kind: 'idle' }
  | { kind: 'saving'; attempt: number }
  | { kind: 'saved'; items: SavedItem[] }
  /** Not confirmed: `uncertain` may have been saved (retrying is safe), `not-saved` was refused (4xx/5xx). */
  | { kind: 'failed'; outcome: Exclude<WriteOutcome, { kind: 'saved' }> };

/** The decision being recorded: its id and Bundle are fixed at the first click, so every retry sends the same. */
interface Pending {
  decisionId: string;
  bundle: Bundle;
  /** An earlier send got no answer: the EHR may hold the record already (a resend is still safe). */
  unanswered: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The code shown to support (data-error-code): the transport failure, `unreadable`, or the HTTP error class. */
function errorCode(outcome: Exclude<WriteOutcome, { kind: 'saved' }>): string {
  if (outcome.kind === 'not-saved') return codeForStatus(outcome.status);
  return outcome.why === 'no-answer' ? (/^[a-z-]+$/.test(outcome.detail) ? outcome.detail : 'no-answer') : 'unreadable';
}

/**
 * Sends the same transaction until the EHR answers: a timeout or a lost answer is resent (the
 * conditional creates make it idempotent). What was saved is read from the answer
 * (src/rules/writeOutcome.ts): an HTTP error is final (the transaction saved nothing); a 2xx the
 * app cannot read may have saved the decision and is offered for a safe retry.
 */
async function sendDecision(session: FhirSession, pending: Pending, onAttempt: (n: number) => void): Promise<WriteOutcome> {
  const sent = pending.bundle.entry?.length ?? 0;
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    const outcome = afterEarlierSends(classifyTransactionAnswer(sent, await sendWrite(() => session.transaction(pending.bundle))), pending.unanswered);
    if (outcome.kind === 'uncertain') pending.unanswered = true;
    if (outcome.kind !== 'uncertain' || outcome.why !== 'no-answer' || attempt >= MAX_SENDS) return outcome;
    await sleep(1000 * attempt);
  }
}

/**
 * "Record this decision" (opt-in): shown when the deployment enables `writeBack` and the granted
 * scopes allow creating the decision record's four types. `writeBack` may be passed (tests);
 * otherwise it is read from config.json.
 */
export function RecordDecision({ ranking, explanation, record, writeBack }: { ranking: Ranking; explanation?: Explanation | undefined; record: PreparedRecord; writeBack?: boolean }) {
  const session = useContext(SessionContext);
  const settings = useQuery({ queryKey: ['deployment-settings'], queryFn: () => loadSettings(), staleTime: Infinity, enabled: writeBack === undefined });
  const enabled = writeBack ?? settings.data?.writeBack ?? false;
  const allowed = session !== null && DECISION_RESOURCE_TYPES.every((t) => session.canCreate(t));
  if (!session || !enabled || !allowed) return null;
  return <DecisionForm session={session} ranking={ranking} explanation={explanation} record={record} />;
}

function DecisionForm({ session, ranking, explanation, record }: { session: FhirSession; ranking: Ranking; explanation: Explanation | undefined; record: PreparedRecord }) {
  const { t } = useTranslation();
  const drugLabel = useDrugLabel();
  const first = ranking.options[0]?.drug ?? '';
  const [choice, setChoice] = useState(first);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const needsReason = choice !== first && reason.trim() === '';
  const locked = pending !== null;

  async function run(p: Pending): Promise<void> {
    const outcome = await sendDecision(session, p, (attempt) => setPhase({ kind: 'saving', attempt }));
    setPhase(outcome.kind === 'saved' ? { kind: 'saved', items: outcome.items } : { kind: 'failed', outcome });
  }

  function submit(): void {
    if (needsReason || phase.kind === 'saving') return;
    let p = pending;
    if (!p) {
      // Generated once per decision and kept: every retry resends exactly this Bundle.
      const decisionId = crypto.randomUUID();
      const bundle = buildDecisionTransaction({ ranking, ...(explanation ? { explanation } : {}), record, chosenDrug: choice, reason, user: session.user, patientRef: `Patient/${session.patientId}`, app: APP, now: new Date(), decisionId });
      p = { decisionId, bundle, unanswered: false };
      setPending(p);
    }
    void run(p);
  }

  if (ranking.overridden.length > 0) {
    return (
      <Alert severity="info" data-testid="record-decision-hypothetical" sx={{ my: 2 }}>
        {t('ranking.decision.hypothetical')}
      </Alert>
    );
  }
  return (
    <Box component="section" aria-labelledby="record-decision-title" data-testid="record-decision" sx={{ my: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography variant="h6" component="h3" id="record-decision-title">
        {t('ranking.decision.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('ranking.decision.intro')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <TextField select size="small" label={t('ranking.decision.choice')} value={choice} disabled={locked} onChange={(e) => setChoice(e.target.value)} slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'decision-choice' }, inputLabel: { shrink: true } }} sx={{ minWidth: 260 }}>
          {ranking.options.map((o) => (
            <option key={o.drug} value={o.drug}>
              {o.drug === first ? t('ranking.decision.firstRanked', { drug: drugLabel(o.drug) }) : `${o.rank}. ${drugLabel(o.drug)}`}
            </option>
          ))}
        </TextField>
        {choice !== first && (
          <TextField size="small" required multiline minRows={2} label={t('ranking.decision.reason')} value={reason} disabled={locked} onChange={(e) => setReason(e.target.value)} error={needsReason} helperText={needsReason ? t('ranking.decision.reasonRequired') : ' '} slotProps={{ htmlInput: { 'data-testid': 'decision-reason' } }} sx={{ minWidth: 360, flexGrow: 1 }} />
        )}
        {phase.kind !== 'saved' && phase.kind !== 'failed' && (
          <Button variant="contained" onClick={submit} disabled={needsReason || phase.kind === 'saving'} data-testid="decision-submit">
            {t('ranking.decision.submit')}
          </Button>
        )}
      </Box>
      {phase.kind === 'saving' && (
        <Typography role="status" sx={{ mt: 1 }}>
          <CircularProgress size={16} sx={{ mr: 1 }} />
          {phase.attempt > 1 ? t('ranking.decision.attempt', { attempt: phase.attempt, max: MAX_SENDS }) : t('ranking.decision.saving')}
        </Typography>
      )}
      {phase.kind === 'saved' && (
        <Alert severity="success" role="status" data-testid="decision-saved" data-decision-id={pending?.decisionId} sx={{ mt: 1 }}>
          {t('ranking.decision.saved', { count: phase.items.length })}
          <List dense>
            {phase.items.map((i) => (
              <ListItem key={i.location} data-testid="decision-saved-item" data-location={i.location} sx={{ py: 0 }}>
                {i.location}: {i.created ? t('ranking.decision.created') : t('ranking.decision.existing')}
              </ListItem>
            ))}
          </List>
          <Typography variant="caption">{t('ranking.decision.decisionId', { id: pending?.decisionId })}</Typography>
        </Alert>
      )}
      {phase.kind === 'failed' && pending && (
        <Alert
          severity="error"
          role="alert"
          data-testid="decision-error"
          data-decision-id={pending.decisionId}
          data-error-code={errorCode(phase.outcome)}
          data-outcome={phase.outcome.kind}
          sx={{ mt: 1 }}
          action={
            <Button color="inherit" size="small" onClick={submit} data-testid="decision-retry">
              {t('ranking.decision.retry')}
            </Button>
          }
        >
          {phase.outcome.kind === 'not-saved' ? t('ranking.decision.failedHttp', { detail: phase.outcome.detail }) : t('ranking.decision.failedUnknown', { detail: phase.outcome.detail })}
          <Typography variant="caption" component="div">
            {t('ranking.decision.decisionId', { id: pending.decisionId })}
          </Typography>
        </Alert>
      )}
    </Box>
  );
}
