import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputScalar } from '../../extract/values.ts';
import type { ModelSpec } from '../../../models/src/spec.ts';
import { useInputLabel } from './useInputLabel.ts';
import { displayUnit } from '../record/recordView.utils.ts';

type Overrides = Readonly<Record<string, InputScalar | null>>;
const MISSING = '__missing__';

/**
 * The what-if editor: change any model input and re-rank at once. Every changed input is listed in
 * the ranking's "hypothetical" banner; "back to the recorded values" undoes all.
 */
export function WhatIfEditor({ spec, recorded, overrides, onChange }: { spec: ModelSpec; recorded: Record<string, unknown>; overrides: Overrides; onChange: (o: Overrides) => void }) {
  const { t, i18n } = useTranslation();
  const label = useInputLabel();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const current = (name: string): string => {
    if (name in draft) return draft[name] ?? '';
    const v = name in overrides ? overrides[name] : recorded[name];
    return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? String(v) : MISSING;
  };
  const parse = (name: string, raw: string): InputScalar | null => {
    const inp = spec.inputs.find((i) => i.name === name);
    if (raw === MISSING || raw.trim() === '' || !inp) return null;
    if (inp.type === 'numeric') {
      const n = Number(raw.replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    if (inp.type === 'binary') return raw === 'true';
    return raw;
  };
  const apply = (): void => {
    const next: Record<string, InputScalar | null> = { ...overrides };
    for (const [name, raw] of Object.entries(draft)) next[name] = parse(name, raw);
    setDraft({});
    onChange(next);
  };
  return (
    <Box component="section" aria-labelledby="what-if-title" data-testid="what-if" sx={{ my: 2 }}>
      <Typography variant="h6" component="h3" id="what-if-title">
        {t('ranking.whatIf.title')}
      </Typography>
      <Typography variant="body2" gutterBottom>
        {t('ranking.whatIf.intro')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(220px, 100%), 1fr))', alignItems: 'end', gap: 1.5, my: 1 }}>
        {spec.inputs.map((inp) => {
          const recordedValue = recorded[inp.name];
          const shown =
            recordedValue === null || recordedValue === undefined
              ? t('ranking.whatIf.missing')
              : typeof recordedValue === 'boolean'
                ? t(recordedValue ? 'ranking.gaps.yes' : 'ranking.gaps.no')
                : typeof recordedValue === 'string'
                  ? t(`inputLevel.${recordedValue}`, { defaultValue: recordedValue })
                  : typeof recordedValue === 'number'
                    ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(recordedValue)
                    : '';
          const helper = t('ranking.whatIf.recorded', { value: shown });
          // The label sits above the field and wraps: long French and German labels are never cut off; the unit is part of it.
          const unit = inp.type === 'numeric' && inp.unit !== '1' ? displayUnit(inp.unit, (u) => t(`recordView.units.${u}`)) : '';
          const id = `what-if-${inp.name}`;
          const labelText = unit ? `${label(inp.name)} (${unit})` : label(inp.name);
          const common = {
            id,
            size: 'small' as const,
            fullWidth: true,
            value: current(inp.name),
            helperText: helper,
            onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [inp.name]: e.target.value })),
          };
          const field =
            inp.type === 'numeric' ? (
              <TextField {...common} value={current(inp.name) === MISSING ? '' : current(inp.name)} slotProps={{ htmlInput: { 'data-input': inp.name, inputMode: 'decimal', 'aria-labelledby': `${id}-label` } }} />
            ) : (
              <TextField select {...common} slotProps={{ htmlInput: { 'data-input': inp.name }, select: { labelId: `${id}-label` } }}>
                <MenuItem value={MISSING}>{t('ranking.whatIf.missing')}</MenuItem>
                {(inp.type === 'binary' ? ['true', 'false'] : (inp.levels ?? [])).map((o) => (
                  <MenuItem key={o} value={o}>
                    {o === 'true' ? t('ranking.gaps.yes') : o === 'false' ? t('ranking.gaps.no') : t(`inputLevel.${o}`, { defaultValue: o })}
                  </MenuItem>
                ))}
              </TextField>
            );
          return (
            <Box key={inp.name} data-testid={`what-if-field-${inp.name}`}>
              <Typography component="label" htmlFor={id} id={`${id}-label`} variant="body2" sx={{ display: 'block', fontWeight: 500, mb: 0.25, overflowWrap: 'anywhere' }}>
                {labelText}
              </Typography>
              {field}
            </Box>
          );
        })}
      </Box>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="contained" onClick={apply} disabled={Object.keys(draft).length === 0} data-testid="what-if-apply">
          {t('ranking.whatIf.apply')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            onChange({});
          }}
          disabled={Object.keys(overrides).length === 0}
          data-testid="what-if-reset"
        >
          {t('ranking.whatIf.reset')}
        </Button>
      </Box>
    </Box>
  );
}
