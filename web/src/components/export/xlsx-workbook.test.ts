import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Column } from '../csv';
import { toExportTable } from './table';
import { buildWorkbook, numberFormat, sheetName, workbookBytes, type ExportLabels } from './xlsx-workbook';

type Row = { sector: string; openings: number; gap: number; share: number };
const columns: Column<Row>[] = [
  { key: 'sector', label: 'Ngành', value: (r) => r.sector },
  { key: 'openings', label: 'Nhu cầu tuyển mới', value: (r) => r.openings },
  { key: 'gap', label: 'Chênh lệch', value: (r) => r.gap },
  { key: 'share', label: 'Chênh lệch (% việc làm năm gốc)', value: (r) => r.share, digits: 2 },
];
const labels: ExportLabels = {
  dataSheet: 'Dữ liệu',
  metaSheet: 'Nguồn và loại số liệu',
  title: 'Tiêu đề',
  subtitle: 'Mô tả',
  unit: 'Đơn vị',
  source: 'Nguồn',
  status: 'Loại số liệu',
  basis: 'Dựa trên',
  note: 'Lưu ý',
  dataVersion: 'Phiên bản dữ liệu',
  exportedAt: 'Thời điểm tải',
  link: 'Đường dẫn',
};

describe('XLSX workbook', () => {
  it('writes Vietnamese headers, numbers as rounded numbers with formats, and a sources sheet', () => {
    const table = toExportTable(columns, [
      { sector: 'Công nghiệp chế biến, chế tạo', openings: 1234567.89, gap: -53989798.06589011, share: -2.3456 },
      { sector: 'Xây dựng', openings: 10, gap: 5.4, share: 0.1 },
    ]);
    const wb = buildWorkbook(
      XLSX,
      table,
      {
        title: 'Kế hoạch đào tạo',
        unit: 'người',
        sources: ['GSO LFS 2024', 'Mô hình LMO'],
        statuses: [{ code: 'modelled', label: 'Kết quả mô hình' }],
        basis: [
          { code: 'official', label: 'Số liệu chính thức' },
          { code: 'illustrative', label: 'Số liệu minh hoạ' },
        ],
        dataVersion: '#3 · Seed',
        exportedAt: '2025-01-01T00:00:00.000Z',
      },
      labels,
    );
    // Round-trip through the bytes, as Excel would open the file.
    const back = XLSX.read(new Uint8Array(workbookBytes(XLSX, wb)), { type: 'array', cellNF: true });
    expect(back.SheetNames).toEqual(['Dữ liệu', 'Nguồn và loại số liệu']);
    const data = back.Sheets['Dữ liệu'];
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(data, { header: 1 });
    expect(aoa[0]).toEqual(['Ngành', 'Nhu cầu tuyển mới', 'Chênh lệch', 'Chênh lệch (% việc làm năm gốc)']);
    expect(aoa[1]).toEqual(['Công nghiệp chế biến, chế tạo', 1234568, -53989798, -2.35]);
    expect(data.C2.t).toBe('n');
    expect(data.C2.z).toBe('#,##0');
    expect(data.D2.z).toBe('#,##0.00');
    expect(data['!autofilter']?.ref).toBe('A1:D3');
    const meta = XLSX.utils.sheet_to_json<string[]>(back.Sheets['Nguồn và loại số liệu'], { header: 1 });
    expect(meta).toContainEqual(['Tiêu đề', 'Kế hoạch đào tạo']);
    expect(meta.filter((r) => r[0] === 'Nguồn').map((r) => r[1])).toEqual(['GSO LFS 2024', 'Mô hình LMO']);
    expect(meta).toContainEqual(['Loại số liệu', 'modelled', 'Kết quả mô hình']);
    expect(meta.filter((r) => r[0] === 'Dựa trên').map((r) => r[1])).toEqual(['official', 'illustrative']);
    expect(meta).toContainEqual(['Phiên bản dữ liệu', '#3 · Seed']);
  });
  it('names sheets within Excel rules and formats decimals', () => {
    expect(sheetName('Nguồn/status: [a]*?')).toBe('Nguồn status   a');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(numberFormat(0)).toBe('#,##0');
    expect(numberFormat(1)).toBe('#,##0.0');
  });
});
