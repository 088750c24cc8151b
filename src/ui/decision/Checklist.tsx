import { Box, Button, Collapse, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../rules/checklist.ts';
import { formatFhirDate } from '../format.ts';
import { useDrugLabel } from '../ranking/useDrugLabel.ts';
import { useSafetyText } from '../ranking/useSafetyText.ts';

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
            {items
              .map((item) => {
                const stale = item.facts.some((f) => f.state === 'stale');
                const name = item.topic ? titleOf(item) : t('decision.checklist.otherItem');
                if (!item.lastDate) return `${name} (${t('decision.checklist.notInRecord').toLowerCase()})`;
                return stale ? `${name} (${t('decision.checklist.stale')})` : titleOf(item);
              })
              .join(' · ')}
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
