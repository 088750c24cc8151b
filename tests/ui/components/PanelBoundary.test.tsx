// @vitest-environment jsdom
// A panel that fails says so and the rest of the screen stays; a new resetKey renders it again (the
// ranking replacing the provisional options it was prepared from, issue 15).
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '@src/ui/components/PanelBoundary.tsx';
import { renderWithProviders } from '../../support/providers.tsx';

function Panel({ fail }: { fail: boolean }) {
  if (fail) throw new Error('no options');
  return <p>options</p>;
}

const ui = (fail: boolean, resetKey: string) => (
  <>
    <PanelBoundary name="options" resetKey={resetKey}>
      <Panel fail={fail} />
    </PanelBoundary>
    <p>rest of the screen</p>
  </>
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PanelBoundary', () => {
  it('shows the panel’s error in place of the panel, and the panel again when the reset key changes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { view } = await renderWithProviders(ui(true, 'provisional'));
    expect(screen.getByRole('alert').textContent).toMatch(/options: no options/);
    expect(screen.getByText('rest of the screen')).toBeInTheDocument();
    // Same key: the error stays even though the panel would now render.
    view.rerender(ui(false, 'provisional'));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    view.rerender(ui(false, 'ranking'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('options')).toBeInTheDocument();
  });
});
