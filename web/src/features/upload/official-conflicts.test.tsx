import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { ApiError } from '../../api/problem';
import { setToken } from '../auth/token-store';
import type { UploadFields } from './upload-request';

const sent: UploadFields[] = [];
const cell = (period: string, current: number, next: number) => ({
  line: 8,
  column: period,
  indicator: 'labour_force',
  period,
  region: 'VN',
  sector: 'TOTAL',
  qualification: 'ALL',
  current: { value: current, source: 'GSO, LFS report', status: 'official' },
  new: { value: next, source: 'World Bank WDI', status: 'modelled' },
});
vi.mock('./upload-request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./upload-request')>()),
  // The server refuses to replace official cells until the request says replaceOfficial=true.
  sendUpload: vi.fn(async (_file: File, fields: UploadFields) => {
    sent.push(fields);
    if (!fields.replaceOfficial) {
      throw new ApiError({
        type: '/api/problems/official-data',
        title: 'The upload would replace official figures',
        status: 409,
        code: 'REPLACES_OFFICIAL',
        cells: [cell('2021', 50_605_000, 55_000_000), cell('2022', 51_700_000, 55_950_000)],
        cellCount: 2,
      } as never);
    }
    return {
      status: 'created',
      officialReplaced: 2,
      version: { id: 9, label: 'wide upload', rowCount: 10, parentId: 8, isCurrent: true },
      rows: 1,
      cells: 33,
      hash: 'h',
      warnings: [],
      indicators: { labour_force: 33 },
      timingMs: { parse: 1 },
    };
  }),
}));
vi.mock('../versions/versions-panel', () => ({ VersionsPanel: () => null }));
vi.mock('../versions/diff-view', () => ({ DiffView: () => null }));

const { default: UploadPage } = await import('./upload-page');

describe('upload page: official figures need a confirmation', () => {
  beforeEach(async () => {
    sent.length = 0;
    setToken(`lmo_${'a'.repeat(43)}`);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ tokenId: 1, name: 'analyst', role: 'analyst' }), { headers: { 'content-type': 'application/json' } })),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    setToken(null);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`lists the official cells with a warning, then resends with replaceOfficial=true only after the tick (${lang})`, async () => {
      await i18n.changeLanguage(lang);
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      render(
        <QueryClientProvider client={client}>
          <UploadPage />
        </QueryClientProvider>,
      );
      const input = await screen.findByLabelText(lang === 'vi' ? /Chọn tệp/ : /Choose a CSV or SDMX-ML/);
      fireEvent.change(input, { target: { files: [new File(['a,b\n1,2\n'], 'wb.csv', { type: 'text/csv' })] } });
      const box = await screen.findByTestId('official-conflicts');
      expect(within(box).getByRole('heading').textContent).toMatch(lang === 'vi' ? /thay thế 2 số liệu chính thức/ : /replace 2 official figures/);
      expect(within(box).getAllByRole('row')).toHaveLength(3);
      expect(within(box).getAllByText('GSO, LFS report')).toHaveLength(2);
      expect(screen.queryByTestId('validation-report')).toBeNull();
      const confirm = within(box).getByTestId('confirm-replace-official') as HTMLButtonElement;
      expect(confirm.disabled).toBe(true);
      fireEvent.click(within(box).getByTestId('official-agree'));
      expect(confirm.disabled).toBe(false);
      fireEvent.click(confirm);
      await screen.findByTestId('upload-done');
      await waitFor(() => expect(sent).toHaveLength(2));
      expect(sent[0]).toMatchObject({ dryRun: true, replaceOfficial: false });
      expect(sent[1]).toMatchObject({ dryRun: false, replaceOfficial: true });
    });
  }
});
