import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { gapRow } from '../../test-fixtures';
import { makeNamer } from '../meta/names';
import { TileMap } from './tile-map';
import { toProvinceTiles } from './to-chart-rows';

const cells = toProvinceTiles(
  [gapRow({ region: '79', openings: 3_469_051, newSupply: 3_322_521, imbalance: -146_530, ratio: 0.96, flag: 'balanced' })],
  makeNamer(undefined, 'vi'),
);

describe('TileMap', () => {
  it('draws one keyboard-focusable tile per province', () => {
    render(<TileMap cells={cells} onSelect={() => undefined} label="map" />);
    const tiles = screen.getAllByRole('button');
    expect(tiles).toHaveLength(34);
    expect(tiles.every((t) => t.getAttribute('tabindex') === '0')).toBe(true);
  });
  it('selects a province with Enter and with a click', () => {
    const onSelect = vi.fn();
    const { container } = render(<TileMap cells={cells} onSelect={onSelect} label="map" />);
    const hcm = container.querySelector('[data-code="79"]')!;
    fireEvent.keyDown(hcm, { key: 'Enter' });
    fireEvent.click(container.querySelector('[data-code="01"]')!);
    expect(onSelect.mock.calls).toEqual([['79'], ['01']]);
  });
  it('shows the figures in vi-VN format on focus', () => {
    const { container } = render(<TileMap cells={cells} onSelect={() => undefined} label="map" />);
    fireEvent.focus(container.querySelector('[data-code="79"]')!);
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('3.469.051');
    expect(tip.textContent).toContain('-146.530');
    expect(tip.textContent).toContain('Cân bằng');
  });
  it('announces areas without data', () => {
    const { container } = render(<TileMap cells={cells} onSelect={() => undefined} label="map" />);
    expect(container.querySelector('[data-code="96"]')!.getAttribute('aria-label')).toContain('Không có dữ liệu');
  });
});
