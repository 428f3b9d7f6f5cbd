import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/react';
import { gapRow } from '../../test-fixtures';
import { makeNamer } from '../meta/names';
import { MapTile } from './tile-map-tile';
import { toProvinceTiles, toRegionBlocks } from './to-chart-rows';

const names = makeNamer(undefined, 'vi');
const draw = (node: React.ReactNode) => render(<svg>{node}</svg>);

describe('MapTile', () => {
  it('shows the abbreviation and share on a province tile, and says it first in its name', () => {
    const cell = toProvinceTiles([gapRow({ region: '79', imbalance: -5_000, flag: 'shortage' })], names).find((c) => c.code === '79')!;
    const { container } = draw(<MapTile cell={cell} size={56} large={false} selected onSelect={() => undefined} onHover={() => undefined} />);
    const g = container.querySelector('[data-code="79"]')!;
    const texts = [...g.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts[0]).toBe(cell.abbr);
    expect(g.getAttribute('aria-label')!.startsWith(`${cell.abbr} ${texts[1]} · `)).toBe(true);
    expect(g.getAttribute('aria-pressed')).toBe('true');
    expect(g.querySelector('rect')!.getAttribute('stroke-width')).toBe('3');
  });
  it('wraps the full name on a large tile and shows no share for a too-small cell', () => {
    // The namer has no code list here, so give the block a long name to wrap.
    const cell = {
      ...toRegionBlocks([gapRow({ region: 'NMM', flag: 'too-small' })], names).find((c) => c.code === 'NMM')!,
      name: 'Trung du và miền núi phía Bắc',
    };
    const { container } = draw(<MapTile cell={cell} size={56 * 2.4} large selected={false} onSelect={() => undefined} onHover={() => undefined} />);
    const g = container.querySelector('[data-code="NMM"]')!;
    expect([...g.querySelectorAll('tspan')].map((t) => t.textContent)).toEqual(['Trung du và', 'miền núi phía', 'Bắc']);
    expect(g.querySelectorAll('text')[1].textContent).toBe('–');
    expect(g.getAttribute('aria-label')!.startsWith(`${cell.name} – · `)).toBe(true);
  });
  it('selects with Space, not with other keys, and reports hover and leave', () => {
    const onSelect = vi.fn();
    const onHover = vi.fn();
    const cell = toProvinceTiles([], names)[0];
    const { container } = draw(<MapTile cell={cell} size={56} large={false} selected={false} onSelect={onSelect} onHover={onHover} />);
    const g = container.querySelector('g')!;
    fireEvent.keyDown(g, { key: 'a' });
    fireEvent.keyDown(g, { key: ' ' });
    fireEvent.mouseEnter(g);
    fireEvent.blur(g);
    expect(onSelect.mock.calls).toEqual([[cell.code]]);
    expect(onHover.mock.calls).toEqual([[cell], [null]]);
  });
});
