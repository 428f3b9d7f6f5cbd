import { describe, expect, it } from 'vitest';
import { niceCeil, niceTicks } from './nice';

describe('nice axis', () => {
  it('rounds the top up to a round multiple of a power of ten', () => {
    expect(niceCeil(2.24)).toBe(2.5);
    expect(niceCeil(0.86)).toBe(1);
    expect(niceCeil(0)).toBe(1);
  });

  it('ticks: round steps from 0 to the top, whatever the largest value', () => {
    expect(niceTicks([0.86, 2.24, 1.32, null])).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks([1.62])).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks([0.26])).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks([7])).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks([])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
