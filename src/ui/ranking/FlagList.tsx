import { Chip, Typography } from '@mui/material';
import { styled } from '@mui/material/styles';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SafetyFlag, Severity } from '../../rules/safety/types.ts';
import { formatFhirDate } from '../format.ts';
import { useInputLabel } from './useInputLabel.ts';
import { categoryValueLabel } from '../i18n/clinical.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { useSafetyText } from './useSafetyText.ts';
import { SourceListButton } from '../components/SourceListButton.tsx';

const COLOR: Record<Severity, 'error' | 'warning' | 'info' | 'default'> = {
  contraindicated: 'error',
  'only-if-no-alternative': 'warning',
  'treat-before-start': 'warning',
  caution: 'info',
  'screen-before-start': 'default',
};
/** A shape as well as a colour, so severity never rests on colour alone. */
const MARK: Record<Severity, string> = {
  contraindicated: '⛔',
  'only-if-no-alternative': '⚠',
  'treat-before-start': '✚',
  caution: '!',
  'screen-before-start': '?',
};

/** A fact's value as the flag lists it: its state when it has no value, a translated level, or the number. */
function factValueText(fact: SafetyFlag['facts'][number], t: TFunction, language: string): string {
  if (fact.value === undefined) return t(`recordView.states.${fact.state}`);
  if (typeof fact.value === 'string') return categoryValueLabel(fact.name, fact.value, toClinicalLanguage(language));
  return String(fact.value);
}

/** Stands for the citation inside a translated sentence, so the citation itself can be marked. */
export const CITATION_MARK = '\u2063SOURCE\u2063';

/**
 * A label or paper citation inside a translated sentence: the citation stays in the language it was
 * published in, marked `translate="no"` (a bibliographic reference is not translated).
 */
export function Citation({ text, source }: { text: string; source: string }) {
  const [before = '', after = ''] = text.split(CITATION_MARK);
  return (
    <>
      {before}
      <cite translate="no" style={{ fontStyle: 'normal' }}>
        {source}
      </cite>
      {after}
    </>
  );
}

function SeverityChipView({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLOR[severity]} label={`${MARK[severity]} ${t(`ranking.severity.${severity}`)}`} data-severity={severity} />;
}

const key = (f: SafetyFlag): string => `${f.ruleId}-${f.state}`;

/**
 * The list's styles as classes on one styled element: one style resolution per list instead of four per
 * finding (issue 15: MUI `sx` resolution was a third of the ranking's render).
 */
const List = styled('ul')(({ theme }) => ({
  margin: 0,
  paddingLeft: theme.spacing(2),
  '& .tn-flag': { marginBottom: theme.spacing(1) },
  '& .tn-flag-text': theme.typography.body2,
  '& .tn-flag-facts': { fontSize: '0.75rem', color: theme.palette.text.secondary },
  '& .tn-facts': { margin: 0, paddingLeft: theme.spacing(2) },
}));

/** The safety findings of one option: what, how serious, on which facts (dated, sourced), and the label behind it. */
function FlagListView({ flags }: { flags: readonly SafetyFlag[] }) {
  const { t, i18n } = useTranslation();
  const text = useSafetyText();
  const label = useInputLabel();
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (k: string, open: boolean): void =>
    setOpened((prev) => {
      const next = new Set(prev);
      if (open) next.add(k);
      else next.delete(k);
      return next;
    });
  if (flags.length === 0) return <Typography variant="body2">{t('ranking.noFlags')}</Typography>;
  return (
    <List>
      {flags.map((f) => (
        <li key={key(f)} data-rule={f.ruleId} data-flag-state={f.state} className="tn-flag">
          <SeverityChip severity={f.severity} /> <span className="tn-flag-text">{text(f)}</span>
          <details className="tn-flag-facts" onToggle={(e) => toggle(key(f), e.currentTarget.open)}>
            <summary>
              {t(`ranking.flagState.${f.state}`)} · {t('ranking.flagFacts')}
            </summary>
            {/* The facts are formatted when the clinician opens them, not for every row of the first screen (issue 15). */}
            {opened.has(key(f)) && (
              <>
                <ul className="tn-facts">
                  {f.facts.map((fact) => (
                    <li key={fact.name}>
                      {[label(fact.name), factValueText(fact, t, i18n.language), formatFhirDate(fact.date, i18n.language)].filter(Boolean).join(' · ')}
                      {fact.sources.length > 0 && (
                        <>
                          {' · '}
                          <SourceListButton refs={fact.sources} />
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                <Citation text={t('ranking.flagSource', { source: CITATION_MARK })} source={f.source} />
              </>
            )}
          </details>
        </li>
      ))}
    </List>
  );
}

/** Memoised: the findings are the same objects before and after the probabilities arrive (pipeline/rank.ts safetyOf; issue 15). */
export const FlagList = memo(FlagListView);

/** Memoised with the findings (issue 15). */
export const SeverityChip = memo(SeverityChipView);
