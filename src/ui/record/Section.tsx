import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A named region of the record view: `<section>` labelled by its own heading (h3 under the view's h2). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = `record-view-${id}`;
  return (
    <Box component="section" aria-labelledby={headingId} data-testid={`record-view-${id}`} sx={{ mb: 4 }}>
      <Typography variant="h6" component="h3" id={headingId} gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * The table alternative of a chart: a native `<details>`, so its summary is keyboard reachable
 * (Tab, then Enter/Space) and announced as expandable without any script.
 */
export function TableDetails({ summary, children, testId }: { summary: string; children: ReactNode; testId?: string }) {
  return (
    <Box component="details" data-testid={testId} sx={{ mt: 1, '& > summary': { cursor: 'pointer', color: 'primary.main', fontSize: '0.875rem', py: 0.5 } }}>
      <summary>{summary}</summary>
      <Box sx={{ overflowX: 'auto' }}>{children}</Box>
    </Box>
  );
}
