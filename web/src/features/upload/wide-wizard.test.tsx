import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { setToken } from '../auth/token-store';
import type { UploadFields } from './upload-request';

const sent: { file: File; fields: UploadFields }[] = [];
vi.mock('./upload-request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./upload-request')>()),
  // A dry run that passes: the wizard's mapping is what is under test.
  sendUpload: vi.fn(async (file: File, fields: UploadFields) => {
    sent.push({ file, fields });
    return { status: 'validated', version: null, rows: 3, cells: 33, hash: 'h', warnings: [], indicators: { labour_force: 33 }, timingMs: { parse: 1 } };
  }),
}));
vi.mock('../versions/versions-panel', () => ({ VersionsPanel: () => null }));
vi.mock('../versions/diff-view', () => ({ DiffView: () => null }));

const { default: UploadPage } = await import('./upload-page');
// The exact shape of a World Bank WDI download: BOM, metadata lines, years 1960–2022 as columns, trailing comma.
const WORLD_BANK = readFileSync(join(__dirname, '../../../../seeds/examples/wide-worldbank.csv'), 'utf8');

describe('upload page: wide-file wizard', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    sent.length = 0;
    setToken(`lmo_${'a'.repeat(43)}`);
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

  async function pickWorldBankFile() {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <UploadPage />
      </QueryClientProvider>,
    );
    const input = await screen.findByLabelText(/Choose a CSV or SDMX-ML/);
    fireEvent.change(input, { target: { files: [new File([WORLD_BANK], 'API_SL.TLF.TOTL.IN_DS2_en_csv_v2.csv', { type: 'text/csv' })] } });
    return screen.findByTestId('wide-wizard', {}, { timeout: 10_000 });
  }

  it('suggests the mapping from a World Bank file and checks it: Country Code, VNM → VN, labour force, international, World Bank source', async () => {
    const wizard = await pickWorldBankFile();
    // Picked under the default long format: the years as columns switch it to wide.
    expect(screen.getByTestId('switched-wide')).toBeTruthy();
    expect((screen.getByLabelText('File format') as HTMLSelectElement).value).toBe('wide');
    expect((within(wizard).getByLabelText('Region column') as HTMLSelectElement).value).toBe('Country Code');
    expect((within(wizard).getByLabelText('Indicator') as HTMLSelectElement).value).toBe('labour_force');
    expect((within(wizard).getByLabelText('Status of the figures') as HTMLSelectElement).value).toBe('international');
    expect((within(wizard).getByLabelText(/^Source/) as HTMLInputElement).value).toMatch(
      /^World Bank, World Development Indicators, SL\.TLF\.TOTL\.IN .*last updated 2023-10-26$/,
    );
    expect((within(wizard).getByLabelText(/^Code map/) as HTMLTextAreaElement).value).toBe('VNM = VN');
    expect((within(wizard).getByLabelText('From period') as HTMLSelectElement).value).toBe('1960');
    expect((within(wizard).getByLabelText('To period') as HTMLSelectElement).value).toBe('2022');
    expect(within(wizard).getByTestId('wizard-notes').textContent).toMatch(
      /SL\.TLF\.TOTL\.IN is an international series.*1 row\(s\) map to Viet Nam \(VN\).*2 other row\(s\) are skipped \(e\.g\. ABW, THA\)/,
    );

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].fields).toMatchObject({ format: 'wide', dryRun: true });
    expect(JSON.parse(sent[0].fields.mapping!)).toEqual({
      regionColumn: 'Country Code',
      sector: 'TOTAL',
      indicator: 'labour_force',
      qualification: 'ALL',
      unit: 'persons',
      status: 'international',
      source: expect.stringContaining('SL.TLF.TOTL.IN'),
      codeMap: { VNM: 'VN' },
      unmapped: 'skip',
    });
    await screen.findByTestId('validation-ok');
  });

  it('checks the file again when the mapping or the format changes, without picking it again', async () => {
    const wizard = await pickWorldBankFile();
    await waitFor(() => expect(sent).toHaveLength(1));
    fireEvent.change(within(wizard).getByLabelText('Status of the figures'), { target: { value: 'modelled' } });
    fireEvent.change(within(wizard).getByLabelText('From period'), { target: { value: '2010' } });
    // The two edits are checked once, after a short pause.
    await waitFor(() => expect(sent).toHaveLength(2), { timeout: 3000 });
    expect(sent[1].file).toBe(sent[0].file);
    const mapping = JSON.parse(sent[1].fields.mapping!);
    expect(mapping.status).toBe('modelled');
    expect(mapping.periodColumns).toEqual(Array.from({ length: 13 }, (_, i) => String(2010 + i)));
    // The JSON is the same mapping, for those who prefer to edit it.
    expect(JSON.parse((screen.getByLabelText('Mapping (JSON)') as HTMLTextAreaElement).value)).toEqual(mapping);

    fireEvent.change(screen.getByLabelText('File format'), { target: { value: 'long' } });
    await waitFor(() => expect(sent).toHaveLength(3), { timeout: 3000 });
    expect(sent[2].fields).toMatchObject({ format: 'long', mapping: undefined });
    expect(sent[2].file).toBe(sent[0].file);
  });

  it('previews the values as written, not NaN, and leaves out the columns empty in every row', async () => {
    await pickWorldBankFile();
    const head = await screen.findByTestId('profile-head', {}, { timeout: 20_000 });
    expect(head.textContent).not.toMatch(/NaN/);
    const vn = head.querySelector('tr[data-line="8"]')!;
    expect(vn.textContent).toContain('Viet Nam');
    expect(vn.textContent).toContain('55951059');
    // File order, names first (JS objects would put "1990" before "Country Name").
    const names = within(head)
      .getAllByRole('columnheader')
      .map((th) => th.textContent!.replace(/ \(.*\)$/, ''));
    expect(names.slice(0, 6)).toEqual(['Line', 'Country Name', 'Country Code', 'Indicator Name', 'Indicator Code', '1990']);
    expect(names).not.toContain('1960');
    expect(screen.getByTestId('profile').textContent).toMatch(/31 columns that are empty in every profiled row are hidden/);
  }, 30_000);
});
