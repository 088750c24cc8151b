// @vitest-environment jsdom
// The ranking screen while the model runtime loads (issue 15): the options are prepared hidden from the
// record and spec.json alone, never shown without the model's probabilities; when the ranking arrives the
// same row elements are revealed with the real model's numbers (real loader, real onnxruntime-web in process).
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelRuntime } from '@src/model/runtime.ts';
import { RankingPanel } from '@src/ui/ranking/RankingPanel.tsx';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';
import { modelsFetch } from '../../support/bundledModels.ts';
import { inProcessWorker } from '../../support/inProcessWorker.ts';
import { renderWithProviders } from '../../support/providers.tsx';

/** The real runtime, with each session's creation held until the test opens the gate (a slow wasm start). */
class GatedRuntime extends ModelRuntime {
  private release: () => void = () => {};
  private gate = this.close();
  /** Lets the held loads (and every later one until `close`) create their sessions. */
  open(): void {
    this.release();
  }
  /** Holds the next loads again. */
  close(): Promise<void> {
    this.gate = new Promise<void>((resolve) => {
      this.release = resolve;
    });
    return this.gate;
  }
  override async load(key: string, bytes: ArrayBuffer, sha256: string) {
    await this.gate;
    return super.load(key, bytes, sha256);
  }
}

beforeEach(() => {
  vi.stubGlobal('fetch', modelsFetch());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RankingPanel before and after the model is ready', () => {
  it('prepares the options hidden, shows no number before the model, then reveals the same rows ranked', async () => {
    const { record } = demoRanking('ra-de-002.json');
    const runtime = new GatedRuntime(() => inProcessWorker());
    const { view } = await renderWithProviders(<RankingPanel record={record} indications={['RA']} now={NOW} onIndicationChange={() => {}} />, {
      models: { runtime, modelsBase: 'http://app.test/models/' },
    });
    // Hidden: in the document (prepared), not visible, not in the accessibility tree; the status says the model loads.
    await waitFor(() => expect(view.container.querySelectorAll('[data-testid="ranked-option"]').length).toBeGreaterThan(0), { timeout: 15_000 });
    const table = view.container.querySelector<HTMLElement>('[data-testid="ranking-table"]');
    expect(table).not.toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/model/i);
    expect(screen.queryByTestId('endpoint')).toBeNull();
    const before = new Map([...view.container.querySelectorAll<HTMLElement>('[data-testid="ranked-option"]')].map((row) => [row.dataset['drug'], row]));

    runtime.open();
    const shown = await screen.findByRole('table', {}, { timeout: 15_000 });
    expect(shown).toBe(table);
    expect(shown).toBeVisible();
    const rows = within(shown).getAllByTestId('ranked-option');
    expect(rows).toHaveLength(before.size);
    for (const row of rows) {
      // The same element, now with the model's probability (never the provisional 0).
      expect(before.get(row.dataset['drug'])).toBe(row);
      const p = Number(row.dataset['probability']);
      expect({ drug: row.dataset['drug'], inRange: p > 0 && p < 1 }).toEqual({ drug: row.dataset['drug'], inRange: true });
    }
    expect(screen.getByTestId('endpoint')).toBeVisible();
    // Ranked, not in the provisional (model) order: positions follow the tiers and the probabilities.
    const positions = rows.map((row) => Number(row.dataset['rank']));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('after a switch of indication the previous ranking is hidden until the new model has ranked', async () => {
    const ra = demoRanking('ra-de-002.json').record;
    const cd = demoRanking('cd-us-001.json').record;
    const runtime = new GatedRuntime(() => inProcessWorker());
    const models = { runtime, modelsBase: 'http://app.test/models/' };
    const panel = (record: typeof ra, indication: 'RA' | 'CD') => (
      <RankingPanel record={record} indications={[indication]} now={NOW} onIndicationChange={() => {}} />
    );
    const { view } = await renderWithProviders(panel(ra, 'RA'), { models });
    runtime.open();
    const raTable = await screen.findByRole('table', {}, { timeout: 15_000 });
    expect(
      within(raTable)
        .getAllByTestId('ranked-option')
        .map((row) => row.dataset['drug']),
    ).toContain('abatacept');

    void runtime.close();
    view.rerender(panel(cd, 'CD'));
    // While the CD model loads: no table on screen (the RA options are not shown for CD), the status says so.
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
    expect(screen.getByRole('status').textContent).toMatch(/model/i);
    expect(screen.queryByTestId('endpoint')).toBeNull();

    runtime.open();
    const cdTable = await screen.findByRole('table', {}, { timeout: 15_000 });
    const drugs = within(cdTable)
      .getAllByTestId('ranked-option')
      .map((row) => row.dataset['drug']);
    expect(drugs).toContain('vedolizumab');
    expect(drugs).not.toContain('abatacept');
  });
});
