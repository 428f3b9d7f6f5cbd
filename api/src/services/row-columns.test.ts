import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsToRows, rowsToColumns, transferablesOf } from './row-columns';

/** What a client receives: JSON drops keys whose value is undefined. */
const asJson = (rows: unknown[]) => JSON.parse(JSON.stringify(rows)) as unknown;

const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.constantFrom('modelled', 'illustrative', 'official')),
  fc.record({ level: fc.integer(), lower: fc.array(fc.integer(), { maxLength: 3 }) }),
);
const row = fc.dictionary(fc.constantFrom('region', 'sector', 'horizon', 'imbalance', 'basis', 'source', 'flag', '__proto__x', 'a"b'), value);

describe('row columns', () => {
  it('give back rows whose JSON equals the original rows', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        expect(asJson(columnsToRows(rowsToColumns(rows)))).toEqual(asJson(rows));
      }),
    );
  });

  it('store a column of finite numbers as a Float64Array and repeated texts once', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ region: i < 500 ? 'VN' : 'HN', imbalance: i - 0.5, basis: ['modelled', 'illustrative'] }));
    const c = rowsToColumns(rows);
    const byKey = Object.fromEntries(c.columns.map((col) => [col.key, col]));
    expect('numbers' in byKey.imbalance!).toBe(true);
    expect('values' in byKey.region! && byKey.region.values).toEqual(['"VN"', '"HN"']);
    expect('values' in byKey.basis! && byKey.basis.values).toEqual(['["modelled","illustrative"]']);
    expect(transferablesOf(c)).toHaveLength(3);
  });

  it('keep a key that only some rows have, and leave it out of the others', () => {
    const back = columnsToRows<Record<string, unknown>>(rowsToColumns([{ a: 1 }, { a: 2, b: 'x' }, { a: 3 }]));
    expect(asJson(back)).toEqual([{ a: 1 }, { a: 2, b: 'x' }, { a: 3 }]);
    expect(back[0]!.b).toBeUndefined();
  });

  it('leave out the keys asked to, and only those', () => {
    expect(
      asJson(
        columnsToRows(
          rowsToColumns(
            [
              { a: 1, history: [1, 2] },
              { a: 2, history: [] },
            ],
            ['history'],
          ),
        ),
      ),
    ).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('keep a non-finite number as JSON does (null), not as a number', () => {
    const c = rowsToColumns([{ v: 1 }, { v: Number.NaN }]);
    expect('numbers' in c.columns[0]!).toBe(false);
    expect(asJson(columnsToRows(c))).toEqual([{ v: 1 }, { v: null }]);
  });
});
