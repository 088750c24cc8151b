import { Alert, Box, Button, Checkbox, Chip, FormControlLabel, FormGroup, TextField, Typography } from '@mui/material';
import type { Observation } from 'fhir/r4';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord, Indication } from '../../extract/index.ts';
import { HBI_COMPLICATIONS } from '../../scores/index.ts';
import { buildEnteredObservations, computeEnteredScores, ENTERED_ITEMS, recordedLab, type EnteredValues, type ItemSpec } from '../../writeback/entered.ts';
import { EnteredScores } from './EnteredScores.tsx';
import { Section } from './Section.tsx';
import type { WriteOutcome } from '../../writeback/writeOutcome.ts';
import { SessionContext } from '../SessionContext.ts';

function options(spec: ItemSpec): number[] {
  const list: number[] = [];
  for (let v = spec.min; v <= spec.max + 1e-9; v = Math.round((v + spec.step) * 10) / 10) {
    if (spec.code === 'edss' && v === 0.5) continue; // EDSS has no 0.5 step (Kurtzke 1983; edss.ts)
    list.push(v);
  }
  return list;
}

function parse(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

function ItemField({ spec, value, onChange }: { spec: ItemSpec; value: number | undefined; onChange: (v: number | undefined) => void }) {
  const { t } = useTranslation();
  const label = t(`recordView.entered.items.${spec.code}`);
  const id = `entered-${spec.code}`;
  if (spec.kind === 'select') {
    return (
      <TextField
        id={id}
        select
        size="small"
        label={label}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(parse(e.target.value))}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      >
        <option value="">{t('recordView.entered.select')}</option>
        {options(spec).map((o) => (
          <option key={o} value={String(o)}>
            {spec.code === 'edss' ? o.toFixed(1) : o}
          </option>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      id={id}
      type="number"
      size="small"
      label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => onChange(parse(e.target.value))}
      slotProps={{ htmlInput: { min: spec.min, max: spec.max, step: spec.step }, inputLabel: { shrink: true } }}
    />
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; count: number }
  | { kind: 'uncertain'; message: string }
  | { kind: 'failed'; message: string };

/** One save: the Observations and their id are fixed at the first click, so a retry resends the same. */
interface PendingSave {
  saveId: string;
  observations: Observation[];
}

interface Props {
  record: ExtractedRecord;
  indication: Indication;
  canWrite: boolean;
  /**
   * Saves the Observations (a transaction of conditional creates keyed on `saveId`) and says what the
   * EHR's answer shows was saved (src/writeback/writeOutcome.ts).
   */
  onSaveEntered?: (obs: Observation[], saveId: string) => Promise<WriteOutcome>;
}

/** A small form for items records rarely code, scored live, saved (with permission) as clinician-entered Observations. */
export function EnteredItemsSection({ record, indication, canWrite, onSaveEntered }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<EnteredValues>({});
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [pending, setPending] = useState<PendingSave | null>(null);
  const specs = ENTERED_ITEMS[indication];
  const otherEntered = Object.entries(values).some(([k, v]) => k !== 'complications' && v !== undefined);
  // The complications checklist counts only once the HBI is being filled in: unticked boxes then mean "absent".
  const effective: EnteredValues = indication === 'CD' && otherEntered ? { ...values, complications: checked.size } : values;
  const labs = { crp: recordedLab(record, 'crp_mg_l'), esr: recordedLab(record, 'esr_mm_h') };
  const results = computeEnteredScores(indication, effective, labs);
  const patientRef = record.patient.ref;
  // The launch's encounter (SMART launch context), written into the Observations when the EHR gave one.
  const encounterId = useContext(SessionContext)?.encounterId;
  const encounterRef = encounterId ? `Encounter/${encounterId}` : undefined;

  const set = (code: ItemSpec['code'], v: number | undefined) => {
    setValues((prev) => ({ ...prev, [code]: v }));
    setSave({ kind: 'idle' });
    setPending(null);
  };
  const toggle = (name: string) => {
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
    setSave({ kind: 'idle' });
    setPending(null);
  };
  const onSave = async () => {
    if (!onSaveEntered || !patientRef) return;
    // A retry after an unconfirmed save resends exactly the same Observations under the same id.
    const p = pending ?? {
      saveId: crypto.randomUUID(),
      observations: buildEnteredObservations({
        indication,
        values: effective,
        results,
        patientRef,
        now: new Date(),
        ...(encounterRef ? { encounterRef } : {}),
      }),
    };
    setPending(p);
    setSave({ kind: 'saving' });
    let outcome: WriteOutcome;
    try {
      outcome = await onSaveEntered(p.observations, p.saveId);
    } catch (error) {
      outcome = { kind: 'uncertain', why: 'no-answer', detail: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.kind === 'saved') {
      setSave({ kind: 'saved', count: p.observations.length });
      setPending(null);
    } else if (outcome.kind === 'uncertain') setSave({ kind: 'uncertain', message: outcome.detail });
    else setSave({ kind: 'failed', message: outcome.detail });
  };

  return (
    <Section id="entered" title={t('recordView.sections.entered')}>
      <Typography variant="body2" gutterBottom>
        {t('recordView.entered.intro')}
      </Typography>
      <Box
        component="form"
        aria-labelledby="record-view-entered"
        onSubmit={(e) => e.preventDefault()}
        sx={{ border: 2, borderStyle: 'dashed', borderColor: 'secondary.main', p: 2, borderRadius: 1 }}
      >
        <Chip label={`✎ ${t('recordView.entered.badge')}`} color="secondary" size="small" sx={{ mb: 1 }} />
        <Typography variant="caption" component="p" sx={{ mb: 2 }}>
          {t('recordView.entered.notRecorded')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: 2 }}>
          {specs
            .filter((s) => s.kind !== 'checklist')
            .map((spec) => (
              <ItemField key={spec.code} spec={spec} value={values[spec.code]} onChange={(v) => set(spec.code, v)} />
            ))}
        </Box>
        {specs.some((s) => s.kind === 'checklist') && (
          <Box component="fieldset" sx={{ border: 0, p: 0, mt: 2 }}>
            <Typography component="legend" variant="body2">
              {t('recordView.entered.complications')}
            </Typography>
            <FormGroup row>
              {HBI_COMPLICATIONS.map((c) => (
                <FormControlLabel
                  key={c}
                  control={<Checkbox size="small" checked={checked.has(c)} onChange={() => toggle(c)} />}
                  label={t(`recordView.entered.complicationNames.${c}`)}
                />
              ))}
            </FormGroup>
          </Box>
        )}
        <EnteredScores results={results} labs={labs} />
        {canWrite && onSaveEntered ? (
          <Box sx={{ mt: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={() => void onSave()} disabled={!otherEntered || save.kind === 'saving' || !patientRef}>
              {save.kind === 'saving' ? t('recordView.entered.saving') : t('recordView.entered.save')}
            </Button>
            {!otherEntered && <Typography variant="caption">{t('recordView.entered.nothingToSave')}</Typography>}
          </Box>
        ) : (
          <Alert severity="info" sx={{ mt: 2 }} data-testid="no-write-permission">
            {t('recordView.entered.noPermission')}
          </Alert>
        )}
        {save.kind === 'saved' && (
          <Alert severity="success" role="status" sx={{ mt: 1 }}>
            {t('recordView.entered.saved', { count: save.count })}
          </Alert>
        )}
        {save.kind === 'failed' && (
          <Alert severity="error" role="alert" data-testid="entered-not-saved" sx={{ mt: 1 }}>
            {t('recordView.entered.saveFailed', { message: save.message })}
          </Alert>
        )}
        {save.kind === 'uncertain' && (
          <Alert severity="warning" role="alert" data-testid="entered-uncertain" sx={{ mt: 1 }}>
            {t('recordView.entered.saveUncertain', { message: save.message })}
          </Alert>
        )}
      </Box>
    </Section>
  );
}
