import { describe, expect, it } from 'vitest';
import { applyPatch, DEFAULT_STATE, parseUrlState, serializeUrlState, type UrlState } from './url-state';

describe('URL state', () => {
  it('round-trips a full view through the query string', () => {
    const state: UrlState = {
      page: 'training',
      lang: 'en',
      scenario: 'high-growth',
      horizon: 5,
      region: '79',
      qual: 'college',
      sort: 'imbalance',
      dir: 'asc',
      flag: 'shortage',
      q: 'chế biến',
    };
    const search = serializeUrlState(state);
    expect(parseUrlState(search)).toEqual(state);
  });
  it('leaves defaults out so links stay short', () => {
    expect(serializeUrlState(DEFAULT_STATE)).toBe('?');
    expect(serializeUrlState({ ...DEFAULT_STATE, page: 'regions' })).toBe('?page=regions');
  });
  it('falls back to defaults for invalid values', () => {
    const s = parseUrlState('?page=nope&lang=fr&horizon=7&view=map&dir=up');
    expect(s).toEqual(DEFAULT_STATE);
  });
  it('accepts every horizon the dashboard offers', () => {
    for (const h of [1, 3, 5, 10]) expect(parseUrlState(`?horizon=${h}`).horizon).toBe(h);
  });
  it('removes a key patched to undefined and drops table state when the page changes', () => {
    const s = parseUrlState('?page=training&region=01&sort=openings&q=x');
    expect(applyPatch(s, { region: undefined }).region).toBeUndefined();
    const moved = applyPatch(s, { page: 'regions' });
    expect(moved).toMatchObject({ page: 'regions', region: '01' });
    expect(moved.sort).toBeUndefined();
    expect(moved.q).toBeUndefined();
  });
  it('reads the compare key: off by default, the baseline when present without a value', () => {
    expect(parseUrlState('?page=overview').compare).toBeUndefined();
    expect(parseUrlState('?compare').compare).toBe('baseline');
    expect(parseUrlState('?compare=').compare).toBe('baseline');
    expect(parseUrlState('?compare=u-0123456789abcdef').compare).toBe('u-0123456789abcdef');
    const s = { ...DEFAULT_STATE, scenario: 'u-0123456789abcdef', compare: 'baseline' };
    expect(parseUrlState(serializeUrlState(s))).toEqual(s);
    expect(applyPatch(s, { compare: undefined }).compare).toBeUndefined();
  });
});
