import { Alert, Box, Button, CircularProgress, List, ListItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { Bundle } from 'fhir/r4';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation, PreparedRecord, Ranking } from '../../pipeline/index.ts';
import { buildDecisionTransaction, DECISION_RESOURCE_TYPES } from '../../rules/decisionRecord.ts';
import { FhirRequestError } from '../../smart/errors.ts';
import type { FhirSession } from '../../smart/session.ts';
import { loadSettings } from '../../smart/settings.ts';
import { SessionContext } from '../SessionContext.ts';
import { useDrugLabel } from './useDrugLabel.ts';

/** Sends of one decision before the clinician is asked (the transport already retries 429/503 itself). */
export const MAX_SENDS = 3;
/** The software agent of the Provenance; its version follows package.json. */
const APP = { name: 'Therapy Navigator', version: '0.1.0' };

/** One resource the EHR confirmed, from the transaction-response. */
interface SavedItem {
  location: string;
  created: boolean;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'saving'; attempt: number }
  | { kind: 'saved'; items: SavedItem[] }
  | { kind: 'failed'; error: FhirRequestError };

/** The decision being recorded: its id and Bundle are fixed at the first click, so every retry sends the same. */
interface Pending {
  decisionId: string;
  bundle: Bundle;
  /** An earlier send got no answer: the EHR may hold the record already (a resend is still safe). */
  uncertain: boolean;
}

/** The technical cause, short: the HTTP status or the transport failure. */
const detail = (e: FhirRequestError): string => (e.status ? `HTTP ${e.status}` : e.code);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function savedItems(response: Bundle): SavedItem[] {
  return (response.entry ?? []).map((e) => ({ location: (e.response?.location ?? '').replace(/\/_history\/.*$/, ''), created: e.response?.status?.startsWith('201') ?? false }));
}

/**
 * Sends the same transaction until the EHR answers: a timeout or a lost answer is resent (the
 * conditional creates make it idempotent); an HTTP error is final (the transaction saved nothing).
 */
async function sendDecision(session: FhirSession, pending: Pending, onAttempt: (n: number) => void): Promise<SavedItem[]> {
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    try {
      return savedItems(await session.transaction(pending.bundle));
    } catch (e) {
      const error = e instanceof FhirRequestError ? e : new FhirRequestError('unreachable', null, 'Bundle', String(e));
      const unknownOutcome = error.code === 'timeout' || error.code === 'unreachable';
      if (unknownOutcome) pending.uncertain = true;
      if (!unknownOutcome || attempt >= MAX_SENDS) throw error;
      await sleep(1000 * attempt);
    }
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
    try {
      const items = await sendDecision(session, p, (attempt) => setPhase({ kind: 'saving', attempt }));
      setPhase({ kind: 'saved', items });
    } catch (e) {
      setPhase({ kind: 'failed', error: e instanceof FhirRequestError ? e : new FhirRequestError('bad-response', null, 'Bundle', String(e)) });
    }
  }

  function submit(): void {
    if (needsReason || phase.kind === 'saving') return;
    let p = pending;
    if (!p) {
      // Generated once per decision and kept: every retry resends exactly this Bundle.
      const decisionId = crypto.randomUUID();
      const bundle = buildDecisionTransaction({ ranking, ...(explanation ? { explanation } : {}), record, chosenDrug: choice, reason, user: session.user, patientRef: `Patient/${session.patientId}`, app: APP, now: new Date(), decisionId });
      p = { decisionId, bundle, uncertain: false };
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
          data-error-code={phase.error.code}
          sx={{ mt: 1 }}
          action={
            <Button color="inherit" size="small" onClick={submit} data-testid="decision-retry">
              {t('ranking.decision.retry')}
            </Button>
          }
        >
          {!pending.uncertain ? t('ranking.decision.failedHttp', { detail: detail(phase.error) }) : t('ranking.decision.failedUnknown', { detail: detail(phase.error) })}
          <Typography variant="caption" component="div">
            {t('ranking.decision.decisionId', { id: pending.decisionId })}
          </Typography>
        </Alert>
      )}
    </Box>
  );
}
