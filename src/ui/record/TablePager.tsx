import { TablePagination, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openingPage, PAGE_SIZE, pageWindow, type PageWindow, type Thinned } from './longSeries.utils.ts';
import { numberFormat } from '../intl.ts';

/** The page a long table shows; `paged` is false when every row fits on one page (nothing changes then). */
export interface Paging extends PageWindow {
  total: number;
  size: number;
  paged: boolean;
  setPage: (page: number) => void;
}

/**
 * Paging state of a table of `total` rows, opening on the last page (the latest values of a table that is
 * oldest first). A table of at most {@link PAGE_SIZE} rows shows all of them.
 */
export function usePaging(total: number, size = PAGE_SIZE): Paging {
  const [page, setPage] = useState(() => openingPage(total, size));
  return { ...pageWindow(total, page, size), total, size, paged: total > size, setPage };
}

/**
 * The pager under a long table: which rows are shown of how many ("Showing 951–1,000 of 1,000"), and
 * first/previous/next/last buttons (keyboard reachable, named in the UI language). Nothing for a table
 * that fits on one page.
 * @param chronological the rows are oldest first (the text says so)
 */
export function TablePager({ paging, name, chronological = false, testId }: { paging: Paging; name: string; chronological?: boolean; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!paging.paged) return null;
  const n = numberFormat(i18n.language);
  const labels: Record<'first' | 'last' | 'next' | 'previous', string> = {
    first: t('recordView.paging.first'),
    previous: t('recordView.paging.previous'),
    next: t('recordView.paging.next'),
    last: t('recordView.paging.last'),
  };
  return (
    <TablePagination
      component="div"
      data-testid={testId}
      role="group"
      aria-label={t('recordView.paging.label', { name })}
      count={paging.total}
      page={paging.page}
      rowsPerPage={paging.size}
      rowsPerPageOptions={[]}
      onPageChange={(_, p) => paging.setPage(p)}
      showFirstButton
      showLastButton
      getItemAriaLabel={(type) => labels[type]}
      // Our own counts: pages are aligned to the end (longSeries.utils.ts pageWindow), MUI's assume the start.
      labelDisplayedRows={() =>
        `${t('recordView.paging.shown', { from: n.format(paging.start + 1), to: n.format(paging.end), count: n.format(paging.total) })}${chronological ? ` · ${t('recordView.paging.oldestFirst')}` : ''}`
      }
      slotProps={{ displayedRows: { role: 'status', 'aria-live': 'polite' } }}
      sx={{ '& .MuiTablePagination-toolbar': { pl: 0, justifyContent: 'flex-start' }, '& .MuiTablePagination-spacer': { display: 'none' } }}
    />
  );
}

/**
 * Under a chart that draws only part of its values (longSeries.utils.ts thinRows): how many, how they were
 * chosen, and that the table has them all. Nothing when every value is drawn.
 */
export function ThinnedNote({ thinned }: { thinned: Pick<Thinned<unknown>, 'rows' | 'total' | 'slices'> }) {
  const { t, i18n } = useTranslation();
  if (thinned.slices === null) return null;
  const n = numberFormat(i18n.language);
  return (
    <Typography variant="caption" component="p" color="text.secondary" data-testid="chart-thinned">
      {t('recordView.thinned', { drawn: n.format(thinned.rows.length), total: n.format(thinned.total), slices: n.format(thinned.slices) })}
    </Typography>
  );
}
