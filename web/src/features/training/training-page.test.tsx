import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { gapRow, meta } from '../../test-fixtures';
import TrainingPage from './training-page';

const sectorsMeta = {
  ...meta,
  sectors: [
    ...meta.sectors.map((s) => ({ ...s, level: s.code === 'TOTAL' ? 'total' : 'section' })),
    { code: 'F', nameVi: 'Xây dựng', nameEn: 'Construction', level: 'section', parent: 'TOTAL' },
  ],
};

function api() {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const body =
      url.pathname === '/api/meta'
        ? sectorsMeta
        : {
            rows: [
              gapRow({
                region: url.searchParams.get('region')!,
                sector: 'C',
                qualification: 'college',
                imbalance: -500,
                flag: 'shortage',
                openings: 2000,
                basis: ['official', 'illustrative'],
              } as never),
              gapRow({ region: url.searchParams.get('region')!, sector: 'F', qualification: 'college', imbalance: 300, flag: 'surplus', openings: 900 }),
              gapRow({ region: url.searchParams.get('region')!, sector: 'TOTAL', qualification: 'ALL', imbalance: -200 }),
              gapRow({
                region: url.searchParams.get('region')!,
                sector: 'F',
                qualification: 'university',
                imbalance: -100,
                employmentBase: 3_000,
                flag: 'too-small',
                rank: null,
              }),
            ],
            thresholds: { measure: 'imbalance-share', shortageBelow: -0.03, surplusAbove: 0.025, smallCell: 5000, minOpenings: 500 },
            assumptions: {
              thresholds: { shortageBelow: -0.03, surplusAbove: 0.025, smallCell: 5000, minOpenings: 500 },
              exitRates: [{ sector: 'C', rate: 0.021, basis: 'demographic' }],
              entryRate: 0.8,
              mobilityRate: 0,
              otherEntrantsRate: { college: 0.004 },
              otherEntrantsBasis: { college: 'demographic' },
              replacement: { years: [2026, 2027], retirementRate: [0.015, 0.017], deathRate: [0.004, 0.004], byLevel: { college: 0.9 }, scenarioMultiplier: 1 },
              sources: [
                {
                  id: 'thresholds',
                  vi: 'Ngưỡng theo tỷ trọng việc làm năm gốc.',
                  en: 'Thresholds as shares of base employment.',
                  source: 'LMO model thresholds',
                },
              ],
              levels: [80, 95],
              breaks: [],
              notesVi: [],
              notesEn: [],
            },
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
    const table = await screen.findByRole('table', { name: /ngành × trình độ/ });
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
    const table = await screen.findByRole('table', { name: /ngành × trình độ/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    fireEvent.change(screen.getByLabelText('Đánh giá'), { target: { value: 'surplus' } });
    fireEvent.click(within(table).getByRole('button', { name: /^Chênh lệch$/ }));
    const params = new URLSearchParams(window.location.search);
    expect(params.get('flag')).toBe('surplus');
    expect(params.get('sort')).toBe('imbalance');
    expect(params.get('dir')).toBe('desc');
  });

  it('shows what each row rests on and the illustrative note when rows rest on generated values', async () => {
    vi.stubGlobal('fetch', api());
    window.history.replaceState(null, '', '/?page=training&region=01');
    renderPage();
    const table = await screen.findByRole('table', { name: /ngành × trình độ/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(within(table).getByText('Loại số liệu')).toBeTruthy();
    expect(table.querySelectorAll('tbody [data-status="illustrative"]').length).toBe(1);
    const note = document.querySelector('[data-illustrative-note]');
    expect(note?.textContent).toContain('không phải thống kê');
  });

  it('never ranks a too-small cell, shows the share and the rule in % of base employment, and the assumptions', async () => {
    vi.stubGlobal('fetch', api());
    window.history.replaceState(null, '', '/?page=training&region=01');
    renderPage();
    const table = await screen.findByRole('table', { name: /ngành × trình độ/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const small = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('[data-flag="too-small"]'))!;
    expect(small.textContent).toContain('Quá nhỏ để đánh giá');
    expect(small.querySelector('td')!.textContent).toBe('–');
    // −500 of 100.000 base workers = −0,5%.
    expect(table.textContent).toContain('-0,5%');
    const shortage = table.querySelector('[data-flag="shortage"]')!;
    expect(shortage.getAttribute('title')).toContain('-3,0%');
    expect(document.body.textContent).toContain('% việc làm năm gốc');
    const details = document.querySelector('[data-assumptions]')!;
    expect(details.textContent).toContain('Nghỉ hưu');
    expect(details.textContent).toContain('Ngưỡng của mô hình LMO');
  });
});
