import { Box, Button, Collapse, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../rules/checklist.ts';
import { formatFhirDate } from '../format.ts';
import { useDrugLabel } from '../ranking/useDrugLabel.ts';
import { useSafetyText } from '../ranking/useSafetyText.ts';

type SummaryState = 'missing' | 'stale' | 'recorded';

function stateOf(item: ChecklistItem): SummaryState {
  if (!item.lastDate) return 'missing';
  return item.facts.some((f) => f.state === 'stale') ? 'stale' : 'recorded';
}

/**
 * The first screen's one line: the topics grouped by what the record holds (not in the record, out of
 * date, recorded), items without a topic counted ("2 more checks") so nothing is hidden.
 */
function summaryGroups(items: readonly ChecklistItem[]): Array<{ state: SummaryState; topics: ChecklistItem[]; others: number }> {
  const states: readonly SummaryState[] = ['missing', 'stale', 'recorded'];
  return states
    .map((state) => {
      const inState = items.filter((i) => stateOf(i) === state);
      return { state, topics: inState.filter((i) => i.topic !== undefined), others: inState.filter((i) => i.topic === undefined).length };
    })
    .filter((g) => g.topics.length + g.others > 0);
}

/**
 * One pre-treatment checklist above the options (src/rules/checklist.ts): what to order or ask, when
 * the record last held it, and which options need it. A rule without a topic shows its own text. The
 * first screen shows one compact line (every topic with its state, so nothing is hidden); the details
 * (what to order, dates, the options that need it) open below it, so the options stay on the first
 * screen of an EHR panel (issue 13).
 */
export function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const flagText = useSafetyText();
  const [open, setOpen] = useState(false);
  const titleOf = (item: ChecklistItem): string => {
    const first = item.flags[0];
    if (item.topic) return t(`decision.checklist.topic.${item.topic}`);
    return first ? flagText(first) : item.key;
  };
  return (
    <Paper component="section" variant="outlined" aria-labelledby="checklist-title" data-testid="checklist" sx={{ px: 1.5, py: 1, my: 1 }}>
      <Typography variant="subtitle1" component="h3" id="checklist-title" sx={{ fontWeight: 700 }} title={t('decision.checklist.intro')}>
        {t('decision.checklist.title')}
      </Typography>
      {items.length === 0 && <Typography variant="body2">{t('decision.checklist.none')}</Typography>}
      {items.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1 }}>
          <Typography variant="body2" data-testid="checklist-summary" sx={{ flex: '1 1 24rem' }}>
            <Box component="span" sx={{ fontWeight: 700 }}>
              {t('decision.checklist.summary', { count: items.length })}:
            </Box>{' '}
            {summaryGroups(items)
              .map((g) => {
                const names = [...g.topics.map(titleOf), ...(g.others > 0 ? [t('decision.checklist.others', { count: g.others })] : [])].join(', ');
                return `${t(`decision.checklist.group.${g.state}`)}: ${names}`;
              })
              .join('; ')}
          </Typography>
          <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="checklist-details" data-testid="checklist-toggle">
            {open ? t('decision.checklist.hide') : t('decision.checklist.details')}
          </Button>
        </Box>
      )}
      {items.length > 0 && (
        <Collapse in={open} id="checklist-details">
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {items.map((item) => {
              const stale = item.facts.some((f) => f.state === 'stale');
              const date = formatFhirDate(item.lastDate, i18n.language);
              const status = date
                ? `${t('decision.checklist.last', { date })}${stale ? ` (${t('decision.checklist.stale')})` : ''}`
                : t('decision.checklist.notInRecord');
              return (
                <Typography
                  component="li"
                  variant="body2"
                  key={item.key}
                  data-testid="checklist-item"
                  data-topic={item.topic ?? item.key}
                  data-rules={item.ruleIds.join(' ')}
                  data-drugs={item.drugs.join('|')}
                >
                  <Box component="span" sx={{ fontWeight: 700 }}>
                    {titleOf(item)}
                  </Box>
                  {[
                    item.topic ? t(`decision.checklist.order.${item.topic}`) : null,
                    status,
                    t('decision.checklist.needs', { drugs: item.drugs.map(drugLabel).join(', ') }),
                  ]
                    .filter(Boolean)
                    .map((part) => ` · ${part}`)
                    .join('')}
                </Typography>
              );
            })}
          </Box>
        </Collapse>
      )}
    </Paper>
  );
}
