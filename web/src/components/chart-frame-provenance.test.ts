import { describe, expect, it } from 'vitest';
import { frameProvenance } from './chart-frame-provenance';

describe('frameProvenance', () => {
  it('does not repeat the chart’s own statuses in what it rests on, except illustrative', () => {
    const p = frameProvenance(['modelled', 'modelled'], ['official', 'modelled', 'illustrative'], 'GSO');
    expect(p.shown).toEqual(['modelled']);
    expect(p.restsOn).toEqual(['official', 'illustrative']);
    expect(p.illustrative).toBe(true);
    expect(frameProvenance(['illustrative'], ['illustrative'], 'x').restsOn).toEqual(['illustrative']);
    expect(frameProvenance(['official'], [], 'x').illustrative).toBe(false);
  });
  it('gives each row the chart’s provenance unless the page gives its own', () => {
    const chart = frameProvenance<{ y: number }>(['official'], [], 'GSO');
    expect(chart.rows.status({ y: 1 })).toEqual(['official']);
    expect(chart.rows.basis).toBeUndefined();
    expect(chart.rows.source({ y: 1 })).toBe('GSO');
    const own = frameProvenance<{ y: number }>(['modelled'], ['official'], 'GSO', { source: (r) => `S${r.y}` });
    expect(own.rows.basis!({ y: 1 })).toEqual(['official']);
    expect(own.rows.source({ y: 2 })).toBe('S2');
  });
});
