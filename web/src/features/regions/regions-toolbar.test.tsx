import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { meta } from '../../test-fixtures';
import { RegionsToolbar } from './regions-toolbar';

describe('RegionsToolbar', () => {
  it('switches the view and drops the selected area (a province is not a tile of the regions view)', () => {
    window.history.replaceState(null, '', '/?page=regions&region=01&sector=C');
    render(<RegionsToolbar view="provinces" sector="C" qualification="ALL" meta={meta} />);
    act(() => {
      fireEvent.click(screen.getAllByRole('radio')[1]);
    });
    const q = new URLSearchParams(window.location.search);
    expect(q.get('view')).toBe('regions');
    expect(q.has('region')).toBe(false);
    expect(q.get('sector')).toBe('C');
  });
  it('leaves the defaults (TOTAL, ALL) out of the URL', () => {
    window.history.replaceState(null, '', '/?page=regions&sector=C&qual=college');
    const { container } = render(<RegionsToolbar view="provinces" sector="C" qualification="college" meta={meta} />);
    act(() => {
      fireEvent.change(container.querySelector('select[name="sector"]')!, { target: { value: 'TOTAL' } });
    });
    act(() => {
      fireEvent.change(container.querySelector('select[name="qual"]')!, { target: { value: 'ALL' } });
    });
    const q = new URLSearchParams(window.location.search);
    expect(q.has('sector')).toBe(false);
    expect(q.has('qual')).toBe(false);
  });
  it('hides the selectors until the code lists have loaded', () => {
    const { container } = render(<RegionsToolbar view="regions" sector="TOTAL" qualification="ALL" meta={undefined} />);
    expect(container.querySelectorAll('select')).toHaveLength(0);
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).checked)).toEqual([false, true]);
  });
});
