import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { gapRow, meta } from '../../test-fixtures';
import TrainingPage from './training-page';

const sectorsMeta = { ...meta, sectors: [...meta.sectors.map((s) => ({ ...s, level: s.code === 'TOTAL' ? 'total' : 'section' })), { code: 'F', nameVi: 'Xây dựng', nameEn: 'Construction', level: 'section', parent: 'TOTAL' }] };

function api() {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const body =
      url.pathname === '/api/meta'
        ? sectorsMeta
        : {
            rows: [
              gapRow({ region: url.searchParams.get('region')!, sector: 'C', qualification: 'college', imbalance: -500, flag: 'shortage', openings: 2000, basis: ['official', 'illustrative'] } as never),
              gapRow({ region: url.searchParams.get('region')!, sector: 'F', qualification: 'college', imbalance: 300, flag: 'surplus', openings: 900 }),
              gapRow({ region: url.searchParams.get('region')!, sector: 'TOTAL', qualification: 'ALL', imbalance: -200 }),
            ],
            source: 'LMO model',
          };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TrainingPage />
    </QueryClientProvider>,
  );
}

describe('TrainingPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('restores area, filter and sort from the URL and asks the API for that area', async () => {
    const fetch = api();
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', '/?page=training&region=01&horizon=5&flag=shortage&sort=openings&dir=asc');
    renderPage();
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByText('Công nghiệp chế biến, chế tạo')).toBeTruthy();
    expect(within(table).queryByText('Xây dựng')).toBeNull();
    expect(table.querySelector('th[aria-sort="ascending"]')?.textContent).toContain('Nhu cầu tuyển mới');
    const gapCall = fetch.mock.calls.map((c) => new URL(String(c[0]), 'http://localhost')).find((u) => u.pathname === '/api/gaps')!;
    expect(Object.fromEntries(gapCall.searchParams)).toMatchObject({ region: '01', horizon: '5', scenario: 'baseline' });
  });

  it('writes a new filter and sort back to the URL', async () => {
    vi.stubGlobal('fetch', api());
    window.history.replaceState(null, '', '/?page=training&region=01');
    renderPage();
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Đánh giá'), { target: { value: 'surplus' } });
    fireEvent.click(within(table).getByRole('button', { name: /Chênh lệch/ }));
    const params = new URLSearchParams(window.location.search);
    expect(params.get('flag')).toBe('surplus');
    expect(params.get('sort')).toBe('imbalance');
    expect(params.get('dir')).toBe('desc');
  });

  it('shows what each row rests on and the illustrative note when rows rest on generated values', async () => {
    vi.stubGlobal('fetch', api());
    window.history.replaceState(null, '', '/?page=training&region=01');
    renderPage();
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getByText('Loại số liệu')).toBeTruthy();
    expect(table.querySelectorAll('tbody [data-status="illustrative"]').length).toBe(1);
    const note = document.querySelector('[data-illustrative-note]');
    expect(note?.textContent).toContain('không phải thống kê');
  });
});
