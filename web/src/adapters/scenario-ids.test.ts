import { describe, expect, it } from 'vitest';
import { compareScenarioIds } from './scenario-ids';

describe('compare scenario ids', () => {
  it('offers the baseline first, then the presets, each once', () => {
    expect(compareScenarioIds([{ id: 'high' }, { id: 'baseline' }, { id: 'low' }], undefined, 'baseline')).toEqual(['baseline', 'high', 'low']);
  });
  it('falls back to the meta scenarios while the catalogue loads', () => {
    expect(
      compareScenarioIds(
        undefined,
        [
          { id: 'high', code: 'H' },
          { id: 'low', code: 'L' },
        ],
        undefined,
      ),
    ).toEqual(['baseline', 'high', 'low']);
  });
  it('keeps a chosen scenario that is not a preset, last', () => {
    expect(compareScenarioIds([{ id: 'high' }], undefined, 'c_1234')).toEqual(['baseline', 'high', 'c_1234']);
    expect(compareScenarioIds(undefined, undefined, undefined)).toEqual(['baseline']);
  });
});
