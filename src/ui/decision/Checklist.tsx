import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../rules/checklist.ts';
import { formatFhirDate } from '../format.ts';
import { useDrugLabel } from '../ranking/useDrugLabel.ts';
import { useSafetyText } from '../ranking/useSafetyText.ts';

/**
 * One pre-treatment checklist above the options (src/rules/checklist.ts): what to order or ask, when
 * the record last held it, and which options need it. A rule without a topic shows its own text.
 */
export function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const flagText = useSafetyText();
  return (
    <Paper component="section" variant="outlined" aria-labelledby="checklist-title" data-testid="checklist" sx={{ px: 1.5, py: 1, my: 1 }}>
      <Typography variant="subtitle1" component="h3" id="checklist-title" sx={{ fontWeight: 700 }} title={t('decision.checklist.intro')}>
        {t('decision.checklist.title')}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2">{t('decision.checklist.none')}</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {items.map((item) => {
            const stale = item.facts.some((f) => f.state === 'stale');
            const date = formatFhirDate(item.lastDate, i18n.language);
            const first = item.flags[0];
            const status = date ? `${t('decision.checklist.last', { date })}${stale ? ` (${t('decision.checklist.stale')})` : ''}` : t('decision.checklist.notInRecord');
            let title: string = item.key;
            if (item.topic) title = t(`decision.checklist.topic.${item.topic}`);
            else if (first) title = flagText(first);
            return (
              <Typography component="li" variant="body2" key={item.key} data-testid="checklist-item" data-topic={item.topic ?? item.key} data-rules={item.ruleIds.join(' ')} data-drugs={item.drugs.join('|')}>
                <Box component="span" sx={{ fontWeight: 700 }}>
                  {title}
                </Box>
                {[item.topic ? t(`decision.checklist.order.${item.topic}`) : null, status, t('decision.checklist.needs', { drugs: item.drugs.map(drugLabel).join(', ') })]
                  .filter(Boolean)
                  .map((part) => ` · ${part}`)
                  .join('')}
              </Typography>
            );
          })}
        </Box>
      )}
    </Paper>
  );
}
