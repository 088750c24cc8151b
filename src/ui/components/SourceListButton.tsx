import { Button, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { LazyDialog } from './LazyDialog.tsx';
import { useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFhirDate } from '../format.ts';
import { ResourceIndexContext } from '../record/SourceLinks.tsx';
import { SourceButton } from './SourceButton.tsx';
import { LABELLED_TYPES, resourceDate, resourceSummary } from './sourceList.utils.ts';

const LABELLED: ReadonlySet<string> = new Set(LABELLED_TYPES);

/** The dialog's rows, built only while it is open: kind, date and content of each source, newest first. */
function SourceRows({ refs }: { refs: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const index = useContext(ResourceIndexContext);
  const rows = useMemo(
    () =>
      refs
        .map((ref) => {
          const resource = index.get(ref);
          return { ref, resource, date: resource ? resourceDate(resource) : undefined };
        })
        // Newest first; undated entries last, in the order the value lists them.
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')),
    [refs, index],
  );
  return (
    <Table size="small" data-testid="source-list">
      <TableHead>
        <TableRow>
          {(['type', 'date', 'what', 'resource'] as const).map((k) => (
            <TableCell key={k} component="th" scope="col">
              {t(`sources.columns.${k}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ ref, resource, date }) => {
          const type = ref.split('/')[0] ?? '';
          return (
            <TableRow key={ref} data-testid="source-list-row" data-ref={ref}>
              <TableCell>{LABELLED.has(type) ? t(`sources.type.${type}`) : type}</TableCell>
              <TableCell>{formatFhirDate(date, i18n.language) ?? t('sources.noDate')}</TableCell>
              <TableCell>{resource ? (resourceSummary(resource, i18n.language, (r) => index.get(r)) ?? '') : t('sources.notLoaded')}</TableCell>
              <TableCell>{resource ? <SourceButton resource={resource} /> : ref}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * The sources of one value behind a compact "Source (n)" button: a value read from 66 infusions
 * shows one button, not 66 resource ids. The dialog lists each resource (kind, date, content) and
 * opens any of them as the EHR sent it (SourceButton). Resources come from ResourceIndexContext.
 */
export function SourceListButton({ refs }: { refs: readonly string[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unique = useMemo(() => [...new Set(refs)], [refs]);
  if (unique.length === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary" data-testid="source-none">
        {t('sources.none')}
      </Typography>
    );
  }
  const count = unique.length;
  return (
    <>
      <Button
        size="small"
        variant="text"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={t('sources.buttonLabel', { count })}
        data-testid="source-list-open"
        sx={{ minWidth: 0, px: 0.5, py: 0, whiteSpace: 'nowrap', verticalAlign: 'baseline' }}
      >
        {t('sources.button', { count })}
      </Button>
      <LazyDialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth scroll="paper">
        <DialogTitle>{t('sources.title', { count })}</DialogTitle>
        <DialogContent dividers>
          <Typography variant="body2" gutterBottom>
            {t('sources.intro')}
          </Typography>
          {open && <SourceRows refs={unique} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('sources.close')}</Button>
        </DialogActions>
      </LazyDialog>
    </>
  );
}
