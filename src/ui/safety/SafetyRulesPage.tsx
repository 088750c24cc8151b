import { Box, Button, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { LazyDialog } from '../components/LazyDialog.tsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRUGS } from '../../extract/terminology/drugs.ts';
import { ruleApplies } from '../../rules/safety/check.ts';
import { SAFETY_RULES } from '../../rules/safety/rules.ts';
import { SEVERITY_ORDER, type SafetyRule, type Severity } from '../../rules/safety/types.ts';
import { drugClassLabel, drugLabel } from '../i18n/drugs.ts';
import { inputLabel, toClinicalLanguage, type ClinicalLanguage } from '../i18n/inputs.ts';
import { fillTemplate, gapTexts, safetyTexts } from '../i18n/safety.ts';
import { SeverityChip } from '../ranking/FlagList.tsx';
import { safetyPageTexts, thresholdText } from './texts.ts';
import { numberFormat } from '../intl.ts';

/** Everything the page shows for one rule, in one language: built from the rule table, never a second list. */
export interface SafetyRuleRow {
  id: SafetyRule['id'];
  drugs: string;
  facts: string;
  threshold: string;
  severity: Severity;
  severityIfUnknown: Severity;
  unknownText: string;
  eu: string;
  us: string;
  follows: string;
}

function number(n: number, lang: ClinicalLanguage): string {
  return numberFormat(lang, { maximumFractionDigits: 2, useGrouping: false }).format(n);
}

/** The rows of the page in a language, in rule-table order. */
export function safetyRuleRows(lang: ClinicalLanguage): SafetyRuleRow[] {
  const page = safetyPageTexts[lang];
  return SAFETY_RULES.map((rule) => {
    const drugs = [...(rule.appliesTo.classes ?? []).map((c) => drugClassLabel(c, lang)), ...(rule.appliesTo.inns ?? []).map((inn) => drugLabel(inn, lang))];
    const limits = rule.limits
      ? Object.entries(rule.limits.byDrug)
          .map(([inn, n]) =>
            `${drugLabel(inn, lang)} ${rule.limits?.op === '>=' ? '≥' : (rule.limits?.op ?? '')} ${number(n, lang)} ${rule.limits?.unit ?? ''}`.trim(),
          )
          .join('; ')
      : '';
    const unknownTemplate: string = (safetyTexts[lang][rule.id] as Readonly<Record<string, string>>)['unknown'] ?? '';
    const unknownText = fillTemplate(unknownTemplate, { drug: page.theDrug, gap: fillTemplate(gapTexts[lang].missing, {}) }).replace(/\{\w+\}/g, '…');
    return {
      id: rule.id,
      drugs: drugs.join(', '),
      facts: rule.facts.map((f) => inputLabel(f, lang)).join(', '),
      threshold: limits ? `${thresholdText(rule.id, rule.threshold, lang)} (${limits})` : thresholdText(rule.id, rule.threshold, lang),
      severity: rule.severity,
      severityIfUnknown: rule.severityIfUnknown,
      unknownText,
      eu: rule.label.eu,
      us: rule.label.us,
      follows: page.follows[rule.label.follows],
    };
  });
}

/** Does a row match a filter text (drug names of every catalogue drug the rule applies to count too)? */
function matches(row: SafetyRuleRow, query: string, lang: ClinicalLanguage): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const rule = SAFETY_RULES.find((r) => r.id === row.id);
  const inns = rule ? DRUGS.filter((d) => ruleApplies(rule, d)).flatMap((d) => [d.inn, drugLabel(d.inn, lang)]) : [];
  return [row.id, row.drugs, row.facts, row.threshold, ...inns].some((s) => s.toLowerCase().includes(q));
}

/**
 * The safety rule table for review by a pharmacist or a clinical-governance board: every rule with its drugs,
 * facts, threshold, level, unknown handling and EU/US label sources, in the UI language.
 */
export function SafetyRulesPage() {
  const { i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.resolvedLanguage ?? i18n.language);
  const page = safetyPageTexts[lang];
  const rows = useMemo(() => safetyRuleRows(lang), [lang]);
  const [query, setQuery] = useState('');
  const shown = rows.filter((r) => matches(r, query, lang));
  const cols = page.columns;
  return (
    <Box component="section" aria-labelledby="safety-rules-title" data-testid="safety-rules">
      <Typography variant="h6" component="h2" id="safety-rules-title">
        {page.title}
      </Typography>
      <Typography variant="body2" sx={{ my: 1 }}>
        {page.intro}
      </Typography>
      <Box component="ul" sx={{ my: 1, pl: 2 }} data-testid="safety-levels">
        {SEVERITY_ORDER.map((s) => (
          <li key={s}>
            <SeverityChip severity={s} />{' '}
            <Typography component="span" variant="body2">
              {page.levelHelp[s]}
            </Typography>
          </li>
        ))}
      </Box>
      <Typography variant="caption" component="p" color="text.secondary">
        {page.sourcesNote}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', my: 1 }}>
        <TextField
          size="small"
          label={page.filter}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'safety-rules-filter' } }}
        />
        <Typography variant="body2" role="status">
          {page.count.replace('{n}', String(shown.length))}
        </Typography>
      </Box>
      <Table size="small" data-testid="safety-rules-table">
        <TableHead>
          <TableRow>
            {[cols.rule, cols.drugs, cols.facts, cols.threshold, cols.level, cols.unknown, cols.eu, cols.us, cols.follows].map((c) => (
              <TableCell key={c} component="th" scope="col">
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((r) => (
            <TableRow key={r.id} data-testid="safety-rule" data-rule={r.id} data-severity={r.severity}>
              <TableCell component="th" scope="row">
                <code>{r.id}</code>
              </TableCell>
              <TableCell>{r.drugs}</TableCell>
              <TableCell>{r.facts}</TableCell>
              <TableCell>{r.threshold}</TableCell>
              <TableCell>
                <SeverityChip severity={r.severity} />
              </TableCell>
              <TableCell>
                <SeverityChip severity={r.severityIfUnknown} />{' '}
                <Typography component="span" variant="body2">
                  {r.unknownText}
                </Typography>
              </TableCell>
              <TableCell>
                <Typography variant="caption" lang="en">
                  {r.eu}
                </Typography>
              </TableCell>
              <TableCell>
                <Typography variant="caption" lang="en">
                  {r.us}
                </Typography>
              </TableCell>
              <TableCell>{r.follows}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** The entry from the ranking screen: a "Safety rules" button opening the rule table in a dialog. */
export function SafetyRulesButton() {
  const { i18n } = useTranslation();
  const page = safetyPageTexts[toClinicalLanguage(i18n.resolvedLanguage ?? i18n.language)];
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)} data-testid="safety-rules-open">
        {page.open}
      </Button>
      <LazyDialog open={open} onClose={() => setOpen(false)} maxWidth="xl" fullWidth scroll="paper" aria-labelledby="safety-rules-title">
        <DialogTitle component="div">{page.open}</DialogTitle>
        <DialogContent dividers>{open && <SafetyRulesPage />}</DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{page.close}</Button>
        </DialogActions>
      </LazyDialog>
    </>
  );
}
