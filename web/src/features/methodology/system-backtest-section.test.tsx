import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../i18n/index';
import { BACKTEST_POLL_MS } from './queries';
import { systemBacktestFixture } from './system-backtest-fixture';
import type { SystemBacktest } from './system-backtest-rows';
import { SystemBacktestSection } from './system-backtest-section';

const accuracyBody = (system: SystemBacktest, dataVersion = 1) =>
  Response.json({ dataVersion, baseYear: 2024, series: [], means: null, tiers: null, basis: ['official'], system });

function renderSection(applies: boolean, extra: Partial<SystemBacktest> = {}, dataVersion = 1) {
  return renderWith(async () => accuracyBody(systemBacktestFixture(applies, extra), dataVersion));
}

function renderWith(fetch: () => Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(fetch));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const meta = { isPending: false, isError: false } as never;
  return render(
    <QueryClientProvider client={client}>
      <SystemBacktestSection meta={meta} lang={i18n.language as 'vi' | 'en'} />
    </QueryClientProvider>,
  );
}

describe('SystemBacktestSection', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('vi');
  });

  it('says in Vietnamese where the system beat naive and where it did not, with vi-VN decimals', async () => {
    renderSection(true);
    const list = await screen.findByTestId('system-backtest-verdicts');
    const items = await within(list).findAllByRole('listitem');
    expect(items[0]!.textContent).toContain('MASE của hệ thống 0,86, tốt hơn naive (1,06)');
    expect(items[1]!.textContent).toContain('kém hơn naive (1,32)');
    expect(items[1]!.textContent).toContain('cao hơn thực tế bình quân 2,7%');
    expect(screen.queryByTestId('system-backtest-other-data')).toBeNull();
  });

  it('warns when the served data are not the baseline the backtest ran on (English)', async () => {
    await i18n.changeLanguage('en');
    renderSection(false);
    expect((await screen.findByTestId('system-backtest-other-data')).textContent).toMatch(/not on the data version being viewed/);
    expect(screen.getByRole('heading', { name: /How well has the supply–demand system forecast/ })).toBeTruthy();
  });

  it('names the data version it was refitted on, with no warning, when it ran on the served data', async () => {
    renderSection(true, { computedOn: 'version' }, 7);
    await screen.findByTestId('system-backtest-verdicts');
    expect(screen.queryByTestId('system-backtest-other-data')).toBeNull();
    expect(await screen.findByText(/trên phiên bản dữ liệu #7 đang xem/)).toBeTruthy();
  });

  it('says the backtest of fresh data is being computed, and asks again until it is there', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const answers = [systemBacktestFixture(false, { pending: true }), systemBacktestFixture(true, { computedOn: 'version' })];
    renderWith(async () => accuracyBody(answers.length > 1 ? answers.shift()! : answers[0]!, 2));
    try {
      expect((await screen.findByTestId('system-backtest-other-data')).textContent).toContain('Đang chạy lại kiểm định ngược');
      await vi.advanceTimersByTimeAsync(BACKTEST_POLL_MS + 100);
      await waitFor(() => expect(screen.queryByTestId('system-backtest-other-data')).toBeNull());
      expect(await screen.findByText(/trên phiên bản dữ liệu #2 đang xem/)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why it could not run on the served data, in Vietnamese, instead of the generic warning', async () => {
    renderSection(false, { unavailable: { code: 'NOT_ENOUGH_DATA', message: 'MASE needs more than 1 training values' } });
    const note = await screen.findByTestId('system-backtest-other-data');
    expect(note.textContent).toContain('Không chạy được kiểm định ngược trên phiên bản dữ liệu đang xem (mã NOT_ENOUGH_DATA)');
    expect(note.textContent).not.toContain('training values');
  });
});
