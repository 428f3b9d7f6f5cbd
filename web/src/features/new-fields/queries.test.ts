import { describe, expect, it } from 'vitest';
import type { TargetsResponse } from '../../api/types';
import { targetPath } from '../../test-fixtures';
import { newFieldQueries } from './queries';

const answer: TargetsResponse = {
  targets: [targetPath({ field: 'semiconductors' }), targetPath({ field: 'hydrogen', kind: 'production' })],
  scenario: 'baseline',
  baseYear: 2025,
  status: 'modelled',
  dataBasis: [],
  dataVersion: 1,
};

describe('new-field queries', () => {
  it("selects one field's target from the one cached targets answer", () => {
    const options = newFieldQueries.target('baseline', 'hydrogen');
    // The same cache entry as the list: the targets are fetched once for every field.
    expect(options.queryKey).toEqual(newFieldQueries.targets('baseline').queryKey);
    expect(options.select?.(answer)).toMatchObject({ field: 'hydrogen', kind: 'production' });
  });

  it('selects nothing for a field without a quantified target', () => {
    expect(newFieldQueries.target('baseline', 'ai-digital').select?.(answer)).toBeUndefined();
  });
});
