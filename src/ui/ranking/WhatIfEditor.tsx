import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputScalar } from '../../extract/values.ts';
import type { ModelSpec } from '../../../contract/spec.ts';
import { useInputLabel } from './useInputLabel.ts';

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
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 1.5, my: 1 }}>
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
          const common = {
            size: 'small' as const,
            label: label(inp.name),
            value: current(inp.name),
            helperText: helper,
            onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [inp.name]: e.target.value })),
            slotProps: { htmlInput: { 'data-input': inp.name } },
          };
          if (inp.type === 'numeric') {
            return <TextField key={inp.name} {...common} value={current(inp.name) === MISSING ? '' : current(inp.name)} inputMode="decimal" />;
          }
          const options = inp.type === 'binary' ? ['true', 'false'] : (inp.levels ?? []);
          return (
            <TextField key={inp.name} select {...common}>
              <MenuItem value={MISSING}>{t('ranking.whatIf.missing')}</MenuItem>
              {options.map((o) => (
                <MenuItem key={o} value={o}>
                  {o === 'true' ? t('ranking.gaps.yes') : o === 'false' ? t('ranking.gaps.no') : t(`inputLevel.${o}`, { defaultValue: o })}
                </MenuItem>
              ))}
            </TextField>
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
