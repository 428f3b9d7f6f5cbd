import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ChartFrame } from './chart-frame';
import type { Column } from './csv';

type Row = { period: string; value: number };
const columns: Column<Row>[] = [
  { key: 'period', label: 'Năm', value: (r) => r.period },
  { key: 'value', label: 'Giá trị', value: (r) => r.value },
];
const ok = { isPending: false, isError: false, error: null, refetch: () => undefined };

function frame(props: Partial<Parameters<typeof ChartFrame<Row>>[0]> = {}) {
  return render(
    <ChartFrame<Row>
      title="Việc làm"
      unit="người"
      source="GSO LFS"
      statuses={['modelled']}
      columns={columns}
      rows={[{ period: '2024', value: 5 }]}
      filename="x"
      status={ok}
      {...props}
    >
      <svg data-chart="test" />
    </ChartFrame>,
  );
}

describe('ChartFrame', () => {
  it('shows the model-output badge, the unit and the source', () => {
    frame();
    const fig = screen.getByRole('figure');
    expect(within(fig).getAllByText('Kết quả mô hình').length).toBeGreaterThan(0);
    expect(fig.textContent).toContain('Đơn vị: người');
    expect(fig.textContent).toContain('GSO LFS');
    expect(fig.querySelector('[data-illustrative-note]')).toBeNull();
  });
  it('has no model badge on official-only charts', () => {
    frame({ statuses: ['official'] });
    expect(screen.queryByText('Kết quả mô hình')).toBeNull();
    expect(screen.getAllByText('Số liệu chính thức').length).toBeGreaterThan(0);
  });
  it('says what modelled numbers rest on and shows the illustrative note when that includes generated values', () => {
    frame({ basis: ['official', 'illustrative'], levels: ['province-section-qualification'] });
    const fig = screen.getByRole('figure');
    const note = fig.querySelector('[data-illustrative-note]');
    expect(note?.textContent).toContain('không phải thống kê');
    expect(within(fig).getByTestId('status-line').textContent).toContain('dựa trên');
    expect(fig.querySelectorAll('[data-status="illustrative"]').length).toBeGreaterThan(1);
  });
  it('adds a status column to the table view', () => {
    frame({ statuses: ['official', 'modelled'], provenance: { status: (r) => (r.period === '2024' ? ['official'] : ['modelled']) } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem dạng bảng' }));
    const table = screen.getByRole('table');
    expect(within(table).getByText('Loại số liệu')).toBeTruthy();
    expect(table.querySelector('tbody [data-status="official"]')).toBeTruthy();
  });
  it('toggles to an accessible table view and back', () => {
    frame();
    const toggle = screen.getByRole('button', { name: 'Xem dạng bảng' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    const table = screen.getByRole('table');
    expect(within(table).getByText('2024')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Xem biểu đồ' }).getAttribute('aria-pressed')).toBe('true');
  });
  it('disables downloads and shows the empty state without rows', () => {
    frame({ rows: [] });
    expect(screen.getByText('Không có dữ liệu')).toBeTruthy();
    expect((screen.getByRole('button', { name: /Tải dữ liệu/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /Tải ảnh PNG/ }) as HTMLButtonElement).disabled).toBe(true);
  });
  it('offers Excel, CSV for Vietnamese Excel and international CSV in the download menu', () => {
    frame();
    const toggle = screen.getByRole('button', { name: /Tải dữ liệu: Việc làm/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'Tải Excel: Việc làm' }).textContent).toBe('Excel (.xlsx)');
    expect(screen.getByRole('button', { name: 'Tải CSV (Excel Việt Nam): Việc làm' }).textContent).toContain('dấu ;');
    expect(screen.getByRole('button', { name: 'Tải CSV quốc tế: Việc làm' })).toBeTruthy();
    fireEvent.keyDown(toggle, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
  it('draws each legend swatch as the chart draws it (dashed forecast dashed) and shows notes', () => {
    frame({
      legend: [
        { label: 'thực tế', color: '#000', kind: 'line' },
        { label: 'dự báo', color: '#000', kind: 'dashed' },
        { label: 'Cân bằng', color: '#9aa3ad' },
      ],
      notes: ['Đứt gãy chuỗi số liệu năm 2021: quyền số mới.'],
    });
    const fig = screen.getByRole('figure');
    expect(fig.querySelector('[data-swatch="dashed"]')?.getAttribute('data-dash')).toBe('6 4');
    expect(fig.querySelector('[data-swatch="line"]')?.getAttribute('data-dash')).toBeNull();
    expect(fig.querySelectorAll('svg')).toHaveLength(1);
    expect(fig.querySelector('[data-chart-note]')?.textContent).toContain('2021');
  });
  it('marks first-chart-data once a chart has data', () => {
    performance.clearMarks();
    frame();
    expect(performance.getEntriesByName('first-chart-data').length).toBe(1);
  });
});
