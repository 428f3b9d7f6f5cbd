import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { forecastResponse, gapRow, meta } from '../../test-fixtures';
import OverviewPage from './overview-page';

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/** Routes the typed client's fetches to fixtures; `fail` makes one path answer with a problem. */
function mockApi(fail?: string, illustrative = false) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (fail && url.pathname === fail) {
      return json(
        { type: '/api/problems/database-unavailable', title: 'Database unavailable', status: 503, detail: 'PGlite could not open the data directory.' },
        503,
        'application/problem+json',
      );
    }
    switch (url.pathname) {
      case '/api/meta':
        return json(
          illustrative
            ? {
                ...meta,
                dataLevels: [
                  {
                    level: 'province-section-qualification',
                    nameVi: 'Tỉnh × ngành × trình độ',
                    nameEn: 'Province × section × qualification',
                    status: 'illustrative',
                    from: '2010',
                    to: '2025',
                    firstYear: 2010,
                    lastYear: 2025,
                    frequencies: ['annual'],
                    indicators: [],
                    rows: 10,
                    sources: ['LMO illustrative generator'],
                  },
                ],
              }
            : meta,
        );
      case '/api/series':
        return json({
          indicator: url.searchParams.get('indicator'),
          periods: ['2024', '2025'],
          values: [51.9e6, 52.4e6],
          status: ['official', 'official'],
          source: ['GSO LFS 2024', 'GSO LFS 2025'],
        });
      case '/api/forecasts':
        return json(
          url.searchParams.get('indicator') === 'employment'
            ? { ...forecastResponse(), demand: [53.1e6, 53.9e6] }
            : forecastResponse({ indicator: url.searchParams.get('indicator')! }),
        );
      case '/api/gaps':
        return json({
          rows: [gapRow(illustrative ? ({ basis: ['official', 'illustrative'] } as never) : {}), gapRow({ sector: 'F', imbalance: 800, flag: 'surplus' })],
          source: 'LMO model v1',
          status: 'modelled',
        });
      default:
        return json({ title: 'Not found', status: 404 }, 404, 'application/problem+json');
    }
  });
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <OverviewPage />
    </QueryClientProvider>,
  );
}

describe('OverviewPage', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?page=overview'));
  afterEach(() => vi.unstubAllGlobals());

  it('asks for labour force, employment and the unemployment rate of the one national system', async () => {
    const fetch = mockApi();
    vi.stubGlobal('fetch', fetch);
    renderPage();
    await waitFor(() => expect(document.querySelectorAll('[data-has-data="true"]').length).toBe(2));
    const asked = fetch.mock.calls.map((c) => new URL(String(c[0]), 'http://localhost')).filter((u) => u.pathname === '/api/forecasts');
    expect(new Set(asked.map((u) => u.searchParams.get('indicator')))).toEqual(new Set(['labour_force', 'employment', 'unemployment_rate']));
    for (const u of asked) expect(Object.fromEntries(u.searchParams)).toMatchObject({ region: 'VN', sector: 'TOTAL', qualification: 'ALL', horizon: '10' });
  });

  it('draws the labour demand before the supply limit as a dashed line, in the legend', async () => {
    vi.stubGlobal('fetch', mockApi());
    renderPage();
    await waitFor(() => expect(document.querySelectorAll('[data-has-data="true"]').length).toBe(2));
    const fig = document.querySelector('figure.chart-frame') as HTMLElement;
    await waitFor(() => expect(within(fig).getAllByText('Nhu cầu lao động (trước giới hạn cung)').length).toBeGreaterThan(0));
  });

  it('shows official KPIs with source and status, and modelled badges on the forecast charts', async () => {
    vi.stubGlobal('fetch', mockApi());
    renderPage();
    const card = await screen.findByText('Lực lượng lao động').then((h) => h.closest('article')!);
    await waitFor(() => expect(within(card).getByText('52,4 triệu')).toBeTruthy());
    expect(within(card).getByText('Số liệu chính thức')).toBeTruthy();
    // The citation in Vietnamese (the API sends it in English).
    expect(card.textContent).toContain('Điều tra LĐ-VL 2025 của TCTK');
    await waitFor(() => expect(document.querySelectorAll('[data-has-data="true"]').length).toBe(2));
    for (const fig of document.querySelectorAll('figure.chart-frame')) {
      expect(within(fig as HTMLElement).getAllByText('Kết quả mô hình').length).toBeGreaterThan(0);
    }
    // Nothing here rests on generated values, so no illustrative note.
    expect(document.querySelector('[data-illustrative-note]')).toBeNull();
  });

  it('shows the illustrative note, naming the level, when gaps rest on generated values', async () => {
    vi.stubGlobal('fetch', mockApi(undefined, true));
    renderPage();
    await waitFor(() => expect(document.querySelectorAll('[data-has-data="true"]').length).toBe(2));
    const gapsFrame = [...document.querySelectorAll('figure.chart-frame')].find((f) => f.getAttribute('data-chart-frame')?.startsWith('top-imbalances'))!;
    const note = await waitFor(() => {
      const n = gapsFrame.querySelector('[data-illustrative-note]');
      expect(n).toBeTruthy();
      return n!;
    });
    expect(note.textContent).toContain('Tỉnh × ngành × trình độ');
    expect(note.textContent).toContain('không phải thống kê');
    expect(gapsFrame.querySelector('.chart-source [data-status="illustrative"]')).toBeTruthy();
  });

  it("shows the API's problem detail with a retry when requests fail", async () => {
    vi.stubGlobal('fetch', mockApi('/api/gaps'));
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('503 · Không kết nối được cơ sở dữ liệu');
    expect(alert.textContent).toContain('PGlite could not open the data directory.');
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});
