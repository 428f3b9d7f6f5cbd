import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { meta } from '../../test-fixtures';
import type { ScenarioCatalogue } from '../../api/types';
import { ScenarioSelect } from '../../components/controls';
import { ScenarioBuilder } from './scenario-builder';

const CUSTOM = 'u-00000000000000ab';
const catalogue: ScenarioCatalogue = {
  presets: [
    { id: 'baseline', nameVi: 'Cơ sở', nameEn: 'Baseline', descriptionVi: '', descriptionEn: '', parameters: {} },
    { id: 'high-growth', nameVi: 'Tăng trưởng cao', nameEn: 'High growth', descriptionVi: '', descriptionEn: '', parameters: { productivityGrowthChange: 1 } },
  ],
  engine: 'ready',
  specs: [],
  baseline: {
    baseYear: 2025,
    horizon: 10,
    valueAddedGrowth: { A: 3, 'B-F': 8, 'G-U': 6.5, C: 9.2 },
    productivityGrowth: { A: 5.1 },
    participation: { 'M:15-24': 44 },
    retirementAge: { M: 62, F: 60 },
    graduates: { college: 300_000 },
    entryRate: 80,
    newFields: { semiconductors: 60_000 },
    labourForceEnd: null,
  },
};
const sectionsMeta = { ...meta, sectors: [...meta.sectors.map((s) => ({ ...s, level: s.code === 'TOTAL' ? 'total' : 'section' }))] };

/** The API as the builder sees it; `post` answers POST /api/scenarios. */
function api(post: (body: unknown) => Response) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost');
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/api/meta') return json(sectionsMeta);
    if (url.pathname === '/api/scenarios/engine' && method === 'POST') return json({ engine: 'warming' }, 202);
    if (url.pathname === '/api/scenarios' && method === 'POST') {
      const text = init?.body ? String(init.body) : await (input as Request).text();
      return post(JSON.parse(text));
    }
    if (url.pathname === '/api/scenarios') return json(catalogue);
    if (url.pathname === `/api/scenarios/${CUSTOM}`)
      return json({ id: CUSTOM, parameters: { valueAddedGrowth: { C: 12 }, trainingOutputChange: { college: 20 } }, preset: false });
    return json({ title: 'Not found', status: 404 }, 404);
  });
}

function renderWith(ui: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

/** Opens the builder as a user does: its levers are drawn only while it is open. */
const openBuilder = () =>
  act(() => {
    const details = document.querySelector<HTMLDetailsElement>('.scenario-builder details')!;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });

const lever = (id: string) => document.querySelector<HTMLElement>(`[data-lever="${id}"]`)!;
const pathOf = (input: RequestInfo | URL) => new URL(String(input instanceof Request ? input.url : input), 'http://localhost').pathname;
const postsTo = (fetch: ReturnType<typeof api>, path: string) => fetch.mock.calls.filter((c) => (c[1]?.method ?? 'GET') === 'POST' && pathOf(c[0]) === path);
const posts = (fetch: ReturnType<typeof api>) => postsTo(fetch, '/api/scenarios');

describe('ScenarioBuilder', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws no levers and fits no engine while closed on a preset; opening does both, once', async () => {
    const fetch = api(() => new Response('{}', { status: 500 }));
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', '/?page=overview');
    renderWith(<ScenarioBuilder />);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(document.querySelector('[data-lever]')).toBeNull();
    expect(postsTo(fetch, '/api/scenarios/engine')).toHaveLength(0);
    openBuilder();
    await waitFor(() => expect(lever('valueAddedGrowth.C')).not.toBeNull());
    expect(postsTo(fetch, '/api/scenarios/engine')).toHaveLength(1);
  });

  it('shows a 400 problem next to the lever it names and leaves the URL alone', async () => {
    const problem = { type: 'validation', title: 'Invalid', status: 400, errors: [{ path: 'valueAddedGrowth.C', message: 'must be at most 30' }] };
    const fetch = api(() => new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', '/?page=overview');
    renderWith(<ScenarioBuilder />);
    openBuilder();
    await waitFor(() => expect(lever('valueAddedGrowth.C').textContent).toContain('9,2 %/năm'));
    const input = within(lever('valueAddedGrowth.C')).getByRole('spinbutton');
    fireEvent.change(input, { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Áp dụng' }));
    const alert = await waitFor(() => within(lever('valueAddedGrowth.C')).getByRole('alert'));
    expect(alert.textContent).toBe('Giá trị không được vượt quá 30,0 %/năm.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    // Only that lever is marked.
    expect(within(lever('valueAddedGrowth.A')).queryByRole('alert')).toBeNull();
    expect(JSON.parse(String(posts(fetch)[0]![1]!.body))).toEqual({ valueAddedGrowth: { C: 40 } });
    expect(new URLSearchParams(window.location.search).get('scenario')).toBeNull();
  });

  it('applies on slider release and puts the answered id in the URL, keeping the slider where it was', async () => {
    const fetch = api(
      (body) => new Response(JSON.stringify({ id: CUSTOM, parameters: body }), { status: 201, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', '/?page=regions');
    renderWith(<ScenarioBuilder />);
    openBuilder();
    await waitFor(() => expect(lever('productivityGrowthChange').textContent).toContain('Cơ sở: 0,0'));
    await waitFor(() => expect(lever('valueAddedGrowth.B-F').textContent).toContain('8,0 %/năm'));
    const slider = within(lever('productivityGrowthChange')).getByRole('slider');
    fireEvent.change(slider, { target: { value: '0.5' } });
    fireEvent.pointerUp(slider);
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('scenario')).toBe(CUSTOM));
    expect(new URLSearchParams(window.location.search).get('page')).toBe('regions');
    expect(JSON.parse(String(posts(fetch)[0]![1]!.body))).toEqual({ productivityGrowthChange: 0.5 });
    expect((slider as HTMLInputElement).value).toBe('0.5');
    expect((within(lever('productivityGrowthChange')).getByRole('spinbutton') as HTMLInputElement).value).toBe('0.5');
  });

  it('starts from the selected preset and resets to the baseline', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => new Response('{}', { status: 500 })),
    );
    window.history.replaceState(null, '', '/?scenario=high-growth');
    renderWith(<ScenarioBuilder />);
    openBuilder();
    const input = await waitFor(() => {
      const el = within(lever('productivityGrowthChange')).getByRole('spinbutton') as HTMLInputElement;
      expect(el.value).toBe('1');
      return el;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Về kịch bản cơ sở' }));
    expect(window.location.search).toBe('');
    await waitFor(() => expect(input.value).toBe('0'));
  });

  it('turns compare on against the baseline and off again through the URL', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => new Response('{}', { status: 500 })),
    );
    window.history.replaceState(null, '', `/?page=sectors&scenario=${CUSTOM}`);
    renderWith(<ScenarioBuilder />);
    openBuilder();
    act(() => {
      fireEvent.click(screen.getByRole('checkbox', { name: 'So sánh hai kịch bản' }));
    });
    expect(new URLSearchParams(window.location.search).get('compare')).toBe('baseline');
    expect(await screen.findByText(/A = Cơ sở; chênh lệch là B − A/)).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByRole('checkbox', { name: 'So sánh hai kịch bản' }));
    });
    expect(new URLSearchParams(window.location.search).has('compare')).toBe(false);
  });
});

describe('ScenarioSelect with a user-built scenario', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names it "Custom scenario", summarises its parameters and offers to copy the link', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => new Response('{}', { status: 500 })),
    );
    window.history.replaceState(null, '', `/?scenario=${CUSTOM}`);
    renderWith(<ScenarioSelect />);
    const select = screen.getByLabelText('Kịch bản') as HTMLSelectElement;
    await waitFor(() => expect(select.selectedOptions[0]?.textContent).toBe('Kịch bản tự tạo'));
    const summary = await waitFor(() => {
      const el = document.querySelector(`[data-custom-scenario="${CUSTOM}"] ul`)!;
      expect(el).toBeTruthy();
      return el;
    });
    expect(summary.textContent).toContain('Tăng trưởng giá trị tăng thêm (thực) — Công nghiệp chế biến, chế tạo: 12,0 %/năm');
    expect(summary.textContent).toContain('Thay đổi quy mô đào tạo — Cao đẳng: +20 %');
    expect(screen.getByRole('button', { name: 'Sao chép đường dẫn' })).toBeTruthy();
  });
});
