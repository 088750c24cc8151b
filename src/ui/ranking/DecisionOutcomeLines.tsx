import { List, ListItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { STRUCTURED_TYPES, type DecisionPlan, type Omission } from '../../writeback/decisionRecord.ts';
import type { DecisionOutcome } from '../../writeback/decisionTransport.ts';

/**
 * What a confirmed save holds, in words: the document, the structured resources saved or not sent (and
 * why: not accepted by this EHR, or not allowed by the granted access), the form used and the forms the
 * EHR refused, and the encounter the record is filed under.
 */
export function DecisionOutcomeLines({ plan, outcome, encounterRef }: { plan: DecisionPlan; outcome: DecisionOutcome; encounterRef?: string | undefined }) {
  const { t } = useTranslation();
  const structured = STRUCTURED_TYPES.filter((type) => plan.types.includes(type));
  const omitted = (why: Omission['why']) => plan.omitted.filter((o) => o.why === why && o.type !== 'Provenance').map((o) => o.type);
  const notOffered = omitted('not-offered');
  const notAllowed = omitted('not-allowed');
  const lines: Array<[string, string]> = [];
  if (plan.types.includes('DocumentReference')) lines.push(['document', t('ranking.decision.outcome.document')]);
  if (structured.length > 0) lines.push(['structured', t('ranking.decision.outcome.structured', { types: structured.join(', ') })]);
  if (notOffered.length > 0) lines.push(['not-offered', t('ranking.decision.outcome.notOffered', { types: notOffered.join(', ') })]);
  if (notAllowed.length > 0) lines.push(['not-allowed', t('ranking.decision.outcome.notAllowed', { types: notAllowed.join(', ') })]);
  if (outcome.refused.length > 0)
    lines.push(['refused', t('ranking.decision.outcome.refused', { forms: outcome.refused.map((f) => t(`ranking.decision.outcome.forms.${f}`)).join(', ') })]);
  lines.push(['form', t('ranking.decision.outcome.sentAs', { form: t(`ranking.decision.outcome.forms.${outcome.form}`) })]);
  lines.push(
    encounterRef
      ? ['encounter', t('ranking.decision.outcome.encounter', { id: encounterRef.replace(/^Encounter\//, '') })]
      : ['encounter', t('ranking.decision.outcome.noEncounter')],
  );
  return (
    <>
      {lines.map(([key, text]) => (
        <Typography key={key} variant="body2" data-testid={`decision-outcome-${key}`}>
          {text}
        </Typography>
      ))}
    </>
  );
}

/** A partial save entry by entry: which resources the EHR confirmed, refused or left unanswered. */
export function PartialEntries({ outcome }: { outcome: DecisionOutcome }) {
  const { t } = useTranslation();
  const entries = outcome.entries ?? [];
  const ok = entries.filter((e) => e.state === 'created' || e.state === 'existing').length;
  return (
    <>
      {t('ranking.decision.outcome.partial', { ok, total: entries.length })}
      <List dense>
        {entries.map((e) => (
          <ListItem key={e.key} data-testid="decision-entry" data-state={e.state} data-type={e.resourceType} sx={{ py: 0 }}>
            {e.location ?? e.resourceType}: {t(`ranking.decision.outcome.entry.${e.state}`)}
            {e.detail ? ` (${e.detail})` : ''}
          </ListItem>
        ))}
      </List>
    </>
  );
}
