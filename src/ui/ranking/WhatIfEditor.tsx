import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InputScalar } from '../../extract/values.ts';
import type { ModelSpec } from '../../../contract/spec.ts';
import { useInputLabel } from './useInputLabel.ts';
import { displayUnit } from '../record/recordView.utils.ts';
import { numberFormat } from '../intl.ts';

type Overrides = Readonly<Record<string, InputScalar | null>>;
const MISSING = '__missing__';

/**
 * The what-if editor: change any model input and re-rank at once. Every changed input is listed in
 * the ranking's "hypothetical" banner; "back to the recorded values" undoes all.
 */
/** The recorded value shown under a what-if field. */
function recordedText(value: unknown, t: TFunction, language: string): string {
  if (value === null || value === undefined) return t('ranking.whatIf.missing');
  if (typeof value === 'boolean') return t(value ? 'ranking.gaps.yes' : 'ranking.gaps.no');
  if (typeof value === 'string') return t(`inputLevel.${value}`, { defaultValue: value });
  if (typeof value === 'number') return numberFormat(language, { maximumFractionDigits: 2 }).format(value);
  return '';
}

/** A binary or categorical level as the menu shows it. */
function levelText(level: string, t: TFunction): string {
  if (level === 'true') return t('ranking.gaps.yes');
  if (level === 'false') return t('ranking.gaps.no');
  return t(`inputLevel.${level}`, { defaultValue: level });
}

export function WhatIfEditor({
  spec,
  recorded,
  overrides,
  onChange,
}: {
  spec: ModelSpec;
  recorded: Record<string, unknown>;
  overrides: Overrides;
  onChange: (o: Overrides) => void;
}) {
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
          const shown = recordedText(recordedValue, t, i18n.language);
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
          const options = inp.type === 'binary' ? ['true', 'false'] : (inp.levels ?? []);
          const field =
            inp.type === 'numeric' ? (
              <TextField
                {...common}
                value={current(inp.name) === MISSING ? '' : current(inp.name)}
                slotProps={{ htmlInput: { 'data-input': inp.name, inputMode: 'decimal', 'aria-labelledby': `${id}-label` } }}
              />
            ) : (
              <TextField select {...common} slotProps={{ htmlInput: { 'data-input': inp.name }, select: { labelId: `${id}-label` } }}>
                <MenuItem value={MISSING}>{t('ranking.whatIf.missing')}</MenuItem>
                {options.map((o) => (
                  <MenuItem key={o} value={o}>
                    {levelText(o, t)}
                  </MenuItem>
                ))}
              </TextField>
            );
          return (
            <Box key={inp.name} data-testid={`what-if-field-${inp.name}`}>
              <Typography
                component="label"
                htmlFor={id}
                id={`${id}-label`}
                variant="body2"
                sx={{ display: 'block', fontWeight: 500, mb: 0.25, overflowWrap: 'anywhere' }}
              >
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
