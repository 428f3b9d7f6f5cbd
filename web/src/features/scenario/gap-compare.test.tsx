import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { gapRow, gapsResponse } from '../../test-fixtures';
import type { GapsResponse } from '../../api/types';
import { GapCompare } from './gap-compare';

const answers: Record<string, GapsResponse> = {
  baseline: gapsResponse([
    gapRow({ qualification: 'college', openings: 2000, newSupply: 1500, imbalance: -500 }),
    gapRow({ qualification: 'university', openings: 900, newSupply: 1000, imbalance: 100 }),
  ]),
  'u-00000000000000ab': gapsResponse([
    gapRow({ qualification: 'college', openings: 2000, newSupply: 1800, imbalance: -200 }),
    gapRow({ qualification: 'university', openings: 900, newSupply: 1000, imbalance: 100 }),
  ]),
};

describe('GapCompare', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows A, B and B − A for every row of the view, as model output', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 404 })),
    );
    window.history.replaceState(null, '', '/?page=sectors');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <GapCompare
          a="baseline"
          b="u-00000000000000ab"
          query={(scenario) => queryOptions({ queryKey: ['gaps', 'test', scenario] as const, queryFn: async () => answers[scenario]! })}
          pick={{ keyOf: (r) => r.qualification, labelOf: (r) => r.qualification, order: 'served' }}
          title="Compare"
          filename="compare-test"
        />
      </QueryClientProvider>,
    );
    const table = await screen.findByRole('table', { name: /So sánh A = Cơ sở|So sánh A = baseline/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const college = within(table).getAllByRole('row')[1]!;
    const cells = [...college.querySelectorAll('td')].map((td) => td.textContent);
    // label | openings A B Δ | new supply A B Δ | imbalance A B Δ
    expect(cells).toEqual(['college', '2.000', '2.000', '0', '1.500', '1.800', '+300', '-500', '-200', '+300']);
    expect(document.querySelector('figure[data-chart-frame="compare-test"] .badge-modelled')).toBeTruthy();
    expect(document.querySelector('figure[data-chart-frame="compare-test"]')?.getAttribute('data-has-data')).toBe('true');
  });
});
