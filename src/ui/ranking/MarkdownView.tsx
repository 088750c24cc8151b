import { Box, Divider, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Block, Inline } from './markdown.ts';

/** Inline nodes as React elements: text stays text (React escapes it), nothing is parsed as HTML. */
function InlineNodes({ nodes }: { nodes: readonly Inline[] }): ReactNode {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'code':
        return (
          <Box
            key={i}
            component="code"
            sx={{ fontFamily: 'monospace', fontSize: '0.85em', bgcolor: 'action.hover', px: 0.25, borderRadius: 0.5, overflowWrap: 'anywhere' }}
          >
            {n.text}
          </Box>
        );
      case 'strong':
        return (
          <strong key={i}>
            <InlineNodes nodes={n.children} />
          </strong>
        );
      case 'em':
        return (
          <em key={i}>
            <InlineNodes nodes={n.children} />
          </em>
        );
    }
  });
}

/** Heading levels of the card, placed under the dialog's own title (h2): `#` is h3, `##` h4, deeper h5/h6. */
const HEADING: Record<number, { component: 'h3' | 'h4' | 'h5' | 'h6'; variant: 'h6' | 'subtitle1' | 'subtitle2' }> = {
  1: { component: 'h3', variant: 'h6' },
  2: { component: 'h4', variant: 'subtitle1' },
  3: { component: 'h5', variant: 'subtitle2' },
};

/** Markdown blocks (markdown.ts) as MUI typography, lists and tables. */
export function MarkdownView({ blocks }: { blocks: readonly Block[] }) {
  return blocks.map((b, i) => {
    switch (b.kind) {
      case 'heading': {
        const h = HEADING[b.level] ?? { component: 'h6', variant: 'subtitle2' };
        return (
          <Typography key={i} component={h.component} variant={h.variant} sx={{ mt: 2, mb: 0.5, fontWeight: 700 }}>
            <InlineNodes nodes={b.children} />
          </Typography>
        );
      }
      case 'paragraph':
        return (
          <Typography key={i} variant="body2" sx={{ mb: 1 }}>
            <InlineNodes nodes={b.children} />
          </Typography>
        );
      case 'list':
        return (
          <Box key={i} component={b.ordered ? 'ol' : 'ul'} sx={{ mt: 0, mb: 1, pl: 3 }}>
            {b.items.map((item, j) => (
              <Typography key={j} component="li" variant="body2">
                <InlineNodes nodes={item} />
              </Typography>
            ))}
          </Box>
        );
      case 'table':
        return (
          <TableContainer key={i} sx={{ mb: 2, overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {b.header.map((c, j) => (
                    <TableCell key={j} component="th" scope="col" sx={{ fontWeight: 700 }}>
                      <InlineNodes nodes={c} />
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {b.rows.map((row, r) => (
                  <TableRow key={r}>
                    {row.map((c, j) => (
                      <TableCell key={j}>
                        <InlineNodes nodes={c} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        );
      case 'quote':
        return (
          <Box key={i} component="blockquote" sx={{ m: 0, mb: 1, pl: 1.5, borderLeft: 3, borderColor: 'warning.main' }}>
            <MarkdownView blocks={b.children} />
          </Box>
        );
      case 'code':
        return (
          <Box key={i} component="pre" sx={{ fontSize: '0.8rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', bgcolor: 'action.hover', p: 1 }}>
            {b.text}
          </Box>
        );
      case 'rule':
        return <Divider key={i} sx={{ my: 1 }} />;
    }
  });
}
