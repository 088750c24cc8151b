import { DialogContent } from '@mui/material';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LazyDialog } from '@src/ui/components/LazyDialog.tsx';

/** Counts its renders: the dialog's content must not render before the dialog is first opened. */
function Probe({ onRender }: { onRender: () => void }) {
  onRender();
  return <p>probe</p>;
}

describe('LazyDialog', () => {
  it('renders nothing, not even its content component, until first opened; then behaves as a Dialog', () => {
    const onRender = vi.fn<() => void>();
    const view = (open: boolean) => (
      <LazyDialog open={open}>
        <DialogContent>
          <Probe onRender={onRender} />
        </DialogContent>
      </LazyDialog>
    );
    const { rerender } = render(view(false));
    rerender(view(false));
    expect(onRender).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(view(true));
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByText('probe')).toBeTruthy();
    expect(onRender).toHaveBeenCalled();
    // closed and opened again: the same Dialog (kept mounted, so its exit transition runs)
    rerender(view(false));
    rerender(view(true));
    expect(screen.getAllByText('probe')).toHaveLength(1);
  });
});
