import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { DiffView } from './diff-view';

const names = (vi: string, en: string) => ({ vi, en });
const cell = (period: string, official: 'replaced' | null) => ({
  indicator: 'labour_force',
  period,
  region: 'VN',
  sector: 'TOTAL',
  qualification: 'ALL',
  unit: 'persons',
  kind: official ? 'changed' : 'added',
  names: {
    indicator: names('Lực lượng lao động', 'Labour force'),
    region: names('Toàn quốc', 'Viet Nam (whole country)'),
    sector: names('Tổng số', 'Total'),
    qualification: names('Tất cả', 'All'),
  },
  before: official ? 51_700_000 : null,
  after: 55_950_000,
  sourceBefore: official ? 'GSO' : null,
  sourceAfter: 'World Bank',
  statusBefore: official ? 'official' : null,
  statusAfter: 'modelled',
  official,
});
const requests: URL[] = [];

describe('version diff: every changed cell, paged and sortable', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    requests.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://x');
        requests.push(url);
        const offset = Number(url.searchParams.get('offset'));
        const cells = Array.from({ length: offset === 0 ? 50 : 10 }, (_, i) => cell(String(1990 + offset + i), offset === 0 && i < 6 ? 'replaced' : null));
        const body = {
          version: { id: 9 },
          parent: { id: 8 },
          counts: { added: 54, removed: 0, changed: 6, unchanged: 900, officialReplaced: 6, officialRevised: 0 },
          totals: [{ indicator: 'labour_force', unit: 'persons', period: '2022', cells: 1, before: 51_700_000, after: 55_950_000 }],
          cells,
          page: { offset, limit: 50, total: 60, sort: url.searchParams.get('sort') },
          truncated: offset === 0,
        };
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows replaced official cells first with names, pages on and re-sorts', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <DiffView id={9} />
      </QueryClientProvider>,
    );
    const view = await screen.findByTestId('version-diff');
    await within(view).findByTestId('diff-official-replaced');
    const rows = view.querySelectorAll('tr[data-official="replaced"]');
    expect(rows).toHaveLength(6);
    expect(rows[0].textContent).toContain('Labour force · Viet Nam (whole country)');
    expect(rows[0].textContent).toMatch(/Official replaced/);
    expect(requests[0].searchParams.get('sort')).toBe('official');
    fireEvent.click(within(view).getByTestId('diff-next'));
    await waitFor(() => expect(requests.at(-1)!.searchParams.get('offset')).toBe('50'));
    await waitFor(() => expect(view.textContent).toMatch(/Changed cells 51–60 of 60/));
    fireEvent.change(within(view).getByTestId('diff-sort'), { target: { value: 'period' } });
    await waitFor(() => expect(requests.at(-1)!.searchParams.get('sort')).toBe('period'));
    expect(requests.at(-1)!.searchParams.get('offset')).toBe('0');
  });
});
