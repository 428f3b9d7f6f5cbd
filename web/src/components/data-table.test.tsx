import { describe, expect, it } from 'vitest';
import { fireEvent, render, within } from '@testing-library/react';
import { DataTable, phoneRoles } from './data-table';
import type { Column } from './csv';

interface R {
  name: string;
  openings: number;
  imbalance: number;
  flag: string;
}
const columns: Column<R>[] = [
  { key: 'name', label: 'Ngành', value: (r) => r.name },
  { key: 'openings', label: 'Việc làm mới', value: (r) => r.openings, align: 'right' },
  { key: 'imbalance', label: 'Chênh lệch', value: (r) => r.imbalance, align: 'right' },
  { key: 'flag', label: 'Đánh giá', value: (r) => r.flag },
];

describe('phone cards of DataTable', () => {
  it('heads the card with the first column and leads with the gap and flag', () => {
    expect(phoneRoles(columns)).toEqual(['title', 'fact', 'key', 'key']);
  });

  it('lets a column choose its place', () => {
    const chosen: Column<R>[] = [{ ...columns[1], phone: 'key' }, { ...columns[0], phone: 'title' }, { ...columns[2], phone: 'title' }, columns[3]];
    // The first `title` wins; a later one falls back to its default (imbalance → key).
    expect(phoneRoles(chosen)).toEqual(['key', 'title', 'key', 'key']);
  });

  it('labels every cell with its header, for the card layout', () => {
    const { container } = render(
      <DataTable columns={columns} rows={[{ name: 'Xây dựng', openings: 10, imbalance: -3, flag: 'Thiếu' }]} rowKey={(r) => r.name} />,
    );
    const cells = [...container.querySelectorAll('tbody td')];
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['Ngành', 'Việc làm mới', 'Chênh lệch', 'Đánh giá']);
    expect(cells.map((c) => c.getAttribute('data-phone'))).toEqual(['title', 'fact', 'key', 'key']);
    expect(container.querySelector('table')?.classList.contains('stacking')).toBe(true);
  });
});

describe('DataTable options', () => {
  const rows = [
    { name: 'Xây dựng', openings: 10, imbalance: -3, flag: 'Thiếu' },
    { name: 'Giáo dục', openings: 30, imbalance: 2, flag: 'Cân bằng' },
  ];

  it('marks rows and cells, and can show its caption and be compact', () => {
    const { container } = render(
      <DataTable
        columns={columns}
        rows={rows}
        caption="Bảng"
        captionVisible
        compact
        rowKey={(r) => r.name}
        rowProps={(r) => (r.imbalance < 0 ? { className: 'row-invalid', 'aria-invalid': true, 'data-line': 7 } : { 'data-line': 8 })}
        cellClassName={(r, c) => (r.imbalance < 0 && c.key === 'openings' ? 'cell-invalid' : undefined)}
      />,
    );
    const table = container.querySelector('table')!;
    expect(table.className).toBe('data-table stacking compact');
    expect(table.querySelector('caption')?.className).toBe('');
    const [bad, good] = [...container.querySelectorAll('tbody tr')];
    expect([bad.className, bad.getAttribute('aria-invalid'), bad.getAttribute('data-line')]).toEqual(['row-invalid', 'true', '7']);
    expect([good.className, good.getAttribute('data-line')]).toEqual(['', '8']);
    // The bad cell keeps its number alignment beside the highlight.
    expect([...bad.querySelectorAll('td')].map((td) => td.className)).toEqual(['', 'num cell-invalid', 'num', '']);
  });

  it('keeps the served order and plain headers when not sortable', () => {
    const { container } = render(<DataTable columns={columns} rows={rows} sortable={false} rowKey={(r) => r.name} />);
    expect(container.querySelector('caption')).toBeNull();
    expect(container.querySelectorAll('thead button')).toHaveLength(0);
    expect(container.querySelector('th')?.hasAttribute('aria-sort')).toBe(false);
    expect([...container.querySelectorAll('tbody tr')].map((tr) => tr.firstElementChild?.textContent)).toEqual(['Xây dựng', 'Giáo dục']);
  });

  it('sorts on a header click when sortable', () => {
    const { container } = render(<DataTable columns={columns} rows={rows} caption="Bảng" rowKey={(r) => r.name} />);
    expect(container.querySelector('caption')?.className).toBe('sr-only');
    fireEvent.click(within(container.querySelector('thead')!).getByRole('button', { name: /Việc làm mới/ }));
    expect([...container.querySelectorAll('tbody tr')].map((tr) => tr.firstElementChild?.textContent)).toEqual(['Giáo dục', 'Xây dựng']);
  });
});
