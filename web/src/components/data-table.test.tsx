import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { DataTable, phoneRoles } from './data-table';
import type { Column } from './csv';

interface R { name: string; openings: number; imbalance: number; flag: string }
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
    const { container } = render(<DataTable columns={columns} rows={[{ name: 'Xây dựng', openings: 10, imbalance: -3, flag: 'Thiếu' }]} rowKey={(r) => r.name} />);
    const cells = [...container.querySelectorAll('tbody td')];
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['Ngành', 'Việc làm mới', 'Chênh lệch', 'Đánh giá']);
    expect(cells.map((c) => c.getAttribute('data-phone'))).toEqual(['title', 'fact', 'key', 'key']);
    expect(container.querySelector('table')?.classList.contains('stacking')).toBe(true);
  });
});
