import { Dialog, type DialogProps } from '@mui/material';
import { useState } from 'react';

/**
 * A MUI Dialog that exists only from its first opening on (then it stays, so closing still animates).
 * A closed Dialog renders nothing, but its component and hooks still run on every render: with one per
 * option row (history, sources) that was part of the ranking's first render (issue 15).
 */
export function LazyDialog(props: DialogProps) {
  const [mounted, setMounted] = useState(props.open);
  if (props.open && !mounted) setMounted(true);
  return mounted ? <Dialog {...props} /> : null;
}
