import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import type { DataLevelRow } from '../../api/types';
import { DataLevelsTable } from './data-levels-table';

const row: DataLevelRow = {
  level: 'provinces',
  nameVi: 'Tỉnh, thành phố (tổng số)',
  nameEn: 'Provinces (totals)',
  status: 'modelled',
  from: '2010',
  to: '2016',
  firstYear: 2010,
  lastYear: 2016,
  frequencies: ['annual'],
  indicators: [{ code: 'employment_rate', from: '2010', to: '2016', rows: 322 }],
  rows: 322,
  sources: ['S1', 'S2', 'S3', 'S4', 'S5'],
  sourceCount: 9,
  citationCount: 9,
};

describe('levels-of-detail table', () => {
  it('shows at most three sources per row, the rest behind "and N more"', async () => {
    await i18n.changeLanguage('vi');
    render(<DataLevelsTable levels={[row]} indicators={[]} />);
    const table = screen.getByTestId('data-levels');
    for (const s of ['S1', 'S2', 'S3']) expect(within(table).getByText(s).closest('details')).toBeNull();
    const more = within(table).getByText('và 6 nguồn khác');
    const details = more.closest('details')!;
    expect(within(details).getByText('S4')).toBeTruthy();
    expect(within(details).getByText('S5')).toBeTruthy();
    expect(details.textContent).toContain('Còn 4 nguồn');
  });
});
