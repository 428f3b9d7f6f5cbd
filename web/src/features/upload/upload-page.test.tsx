import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { ApiError } from '../../api/problem';
import { setToken } from '../auth/token-store';
import type { UploadFields } from './upload-request';

const sent: UploadFields[] = [];
vi.mock('./upload-request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./upload-request')>()),
  // The server's answer for an SDMX file with an unknown series and a bad value.
  sendUpload: vi.fn(async (_file: File, fields: UploadFields) => {
    sent.push(fields);
    throw new ApiError({
      type: '/api/problems/validation',
      title: 'Invalid upload',
      status: 422,
      detail: '2 problem(s) found; nothing was stored.',
      errorCount: 2,
      errors: [
        {
          path: 'INDICATOR',
          line: 33,
          column: 'INDICATOR',
          value: 'LUR_XX_PT',
          code: 'UNKNOWN_SERIES',
          series: 'LUR_XX_PT',
          message: 'Series LUR_XX_PT is not mapped to an indicator of this project.',
        },
        {
          path: 'OBS_VALUE',
          line: 37,
          column: 'OBS_VALUE',
          value: '2,26',
          code: 'NOT_A_NUMBER',
          series: 'LUR_PT',
          period: '2023-Q4',
          message: 'Series LUR_PT 2023-Q4: not a number.',
        },
      ],
    } as never);
  }),
}));
vi.mock('../versions/versions-panel', () => ({ VersionsPanel: () => null }));
vi.mock('../versions/diff-view', () => ({ DiffView: () => null }));

const { default: UploadPage } = await import('./upload-page');
const TOKEN = `lmo_${'a'.repeat(43)}`;

describe('upload page: GSO formats', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    sent.length = 0;
    setToken(TOKEN);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ tokenId: 1, name: 'analyst', role: 'analyst' }), { headers: { 'content-type': 'application/json' } })),
    );
  });
  afterEach(() => {
    // Unmount first: forgetting the token while mounted would refetch the session with the real fetch.
    cleanup();
    vi.unstubAllGlobals();
    setToken(null);
  });

  it('offers SDMX with help, sends the format, says there is no preview for XML and lists series and period', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <UploadPage />
      </QueryClientProvider>,
    );
    const select = await screen.findByLabelText('File format');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => (o as HTMLOptionElement).value),
    ).toEqual(['long', 'wide', 'microdata', 'sdmx', 'pxweb']);
    fireEvent.change(select, { target: { value: 'sdmx' } });
    expect(screen.getByTestId('format-help').textContent).toMatch(/SDMX-ML 2\.1/);
    expect(screen.getByLabelText(/Series code mapping/)).toBeTruthy();

    const xml = new File(['<?xml version="1.0"?>\n<message:StructureSpecificData>…'], 'nsdp.xml', { type: 'application/xml' });
    fireEvent.change(screen.getByLabelText(/Choose a CSV or SDMX-ML/), { target: { files: [xml] } });
    await screen.findByTestId('no-preview');
    expect(screen.queryByTestId('profile')).toBeNull();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ format: 'sdmx', dryRun: true });

    const report = await screen.findByTestId('validation-report');
    expect(within(report).getByRole('columnheader', { name: 'Series / period' })).toBeTruthy();
    expect(within(report).getByText('LUR_PT · 2023-Q4')).toBeTruthy();
    expect(within(report).getByText('LUR_XX_PT', { selector: 'td' })).toBeTruthy();
  });

  it('PX-Web shows its help and the mapping field', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <UploadPage />
      </QueryClientProvider>,
    );
    fireEvent.change(await screen.findByLabelText('File format'), { target: { value: 'pxweb' } });
    expect(screen.getByTestId('format-help').textContent).toMatch(/PX-Web/);
    expect(screen.getByLabelText('Mapping (JSON)')).toBeTruthy();
  });
});
