import { describe, expect, it } from 'vitest';
import { classifyColumns, makeLabeller } from './pxweb-columns';
import type { PxwebTable } from './pxweb';

const table = (header: string[], rows: string[][]): PxwebTable => ({ title: '', header, rows: rows.map((cells, i) => ({ cells, line: i + 4 })), errors: [] });

describe('makeLabeller', () => {
  const label = makeLabeller({ 'Ha  Noi': '01', Agriculture: 'A', '*': 'ignore' });
  it('maps exactly (after collapsing spaces), then ignoring case and diacritics', () => {
    expect(label('Ha Noi', false)).toBe('01');
    expect(label('AGRICULTURE')).toBe('A');
    expect(label('Hà Nội', false)).toBe('01');
  });
  it('uses the `*` fallback for breakdown labels only', () => {
    expect(label('Mining')).toBe('ignore');
    expect(label('Da Nang', false)).toBe('Da Nang');
  });
});

describe('classifyColumns', () => {
  it('reads periods in headers, a Year column, a region column, the first label column as breakdown and numeric columns as values', () => {
    const t = table(
      ['Year', 'Cities, provincies', 'Sex', 'Male 2015', '15 - 24'],
      [
        ['2015', 'Ha Noi', 'Male', '1.5', '2'],
        ['Prel. 2016', 'Hue', 'Female', '..', '3'],
      ],
    );
    const unmapped: string[] = [];
    expect(classifyColumns(t, {}, (h) => unmapped.push(h))).toEqual([
      { kind: 'dim', role: 'period' },
      { kind: 'dim', role: 'region' },
      { kind: 'dim', role: 'sector' },
      { kind: 'value', prefix: 'Male', period: { period: '2015', preliminary: false } },
      { kind: 'value', prefix: '15 - 24' },
    ]);
    expect(unmapped).toEqual([]);
  });
  it('reports a second label column unless declared, and follows declared roles', () => {
    const t = table(['Sex', 'Age', '2015'], [['Male', '15-24', '1']]);
    const unmapped: string[] = [];
    expect(classifyColumns(t, {}, (h) => unmapped.push(h)).map((c) => c.kind)).toEqual(['dim', 'skip', 'value']);
    expect(unmapped).toEqual(['Age']);
    // A declared sector column takes the breakdown, so the first label column is then unmapped too.
    const declared = classifyColumns(t, { age: 'sector', '2015': 'ignore' }, (h) => unmapped.push(h));
    expect(declared).toEqual([{ kind: 'skip' }, { kind: 'dim', role: 'sector' }, { kind: 'skip' }]);
    expect(unmapped).toEqual(['Age', 'Sex']);
  });
});
