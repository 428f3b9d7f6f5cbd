import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { CARDS_PAGE, PlannerCards } from './planner-cards';
import { plannerColumns } from './planner-columns';
import type { PlannerRow } from './to-table-rows';

const row = (i: number): PlannerRow => ({
  key: `C-${i}`,
  rank: i + 1,
  sector: 'C',
  qualification: 'college',
  sectorName: `Ngành ${i + 1}`,
  qualificationName: 'Cao đẳng',
  openings: 1000,
  expansion: 600,
  replacement: 400,
  newSupply: 800,
  imbalance: -200 - i,
  imbalanceLower: -400,
  imbalanceUpper: 0,
  imbalanceShare: -0.03,
  ratio: 0.8,
  confidence: 'medium',
  flag: 'shortage',
  basis: ['modelled'],
  source: '',
});

describe('planner cards on a phone', () => {
  it(`shows ${CARDS_PAGE} cards at a time, in rank order, until every row is shown`, () => {
    const rows = Array.from({ length: 2 * CARDS_PAGE + 5 }, (_, i) => row(i));
    render(<PlannerCards rows={rows} columns={plannerColumns(i18n.t, 'vi')} caption="Kế hoạch" />);
    const cards = () => within(screen.getByTestId('planner-cards')).getAllByRole('listitem');
    expect(cards()).toHaveLength(CARDS_PAGE);
    expect(cards()[0]!.textContent).toContain('Ngành 1');
    expect(screen.getByText(`Đang hiện ${CARDS_PAGE} trên ${rows.length} dòng`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Xem thêm ${CARDS_PAGE} dòng` }));
    expect(cards()).toHaveLength(2 * CARDS_PAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Xem thêm 5 dòng' }));
    expect(cards()).toHaveLength(rows.length);
    expect(cards().at(-1)!.textContent).toContain(`Ngành ${rows.length}`);
    expect(screen.queryByRole('button', { name: /Xem thêm/ })).toBeNull();
  });

  it('has no "show more" when every row fits', () => {
    render(<PlannerCards rows={[row(0), row(1)]} columns={plannerColumns(i18n.t, 'vi')} caption="Kế hoạch" />);
    expect(within(screen.getByTestId('planner-cards')).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
