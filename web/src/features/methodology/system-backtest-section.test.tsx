import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../i18n/index';
import { systemBacktestFixture } from './system-backtest-fixture';
import { SystemBacktestSection } from './system-backtest-section';

function renderSection(applies: boolean) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({ dataVersion: 1, baseYear: 2024, series: [], means: null, tiers: null, basis: ['official'], system: systemBacktestFixture(applies) }),
    ),
  );
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
});
