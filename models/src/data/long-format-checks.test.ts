import { describe, expect, it } from 'vitest';
import { getIndicator } from '../codes/indicators';
import type { Observation } from './observation';
import { checkPeriod, checkRowRules, checkUnit, fieldCountIssue, IssueLog, parseValue, PeriodClock } from './long-format-checks';
import { LongCells } from './long-format-cells';
import { createLongResolvers } from './long-format-rules';

const codes = (log: IssueLog) => log.errors.map((e) => e.code);

describe('IssueLog', () => {
  it('keeps the first `max` errors and warnings but counts them all', () => {
    const log = new IssueLog(2);
    for (let i = 0; i < 5; i++) log.error({ line: i, column: null, value: '', code: 'E', message: 'e' });
    log.warning({ line: 1, column: null, value: '', code: 'W', message: 'w' });
    expect([log.errors.length, log.errorCount, log.warnings.length, log.warningCount]).toEqual([2, 5, 1, 1]);
    expect(log.errors.map((e) => e.line)).toEqual([0, 1]);
  });
});

describe('a row value: parseValue, then its bounds in checkRowRules (as the CSV validator reads it)', () => {
  // `region` null stands for a region that did not resolve.
  const read = (raw: string, unit: 'persons' | 'percent' = 'persons', region: string | null = '01') => {
    const log = new IssueLog(10);
    const parsed = parseValue(raw, 7, log);
    const facts = { indicator: undefined, value: parsed, vRaw: raw, unit, uRaw: unit, region: region ?? undefined, period: undefined, pRaw: '' };
    const value = checkRowRules(facts, new PeriodClock(Date.UTC(2025, 0, 1)), 7, log) ? parsed : NaN;
    return { value, codes: codes(log), log };
  };
  it('reads decimals and returns NaN with one error per problem', () => {
    expect(read('1234.5')).toMatchObject({ value: 1234.5, codes: [] });
    expect(read('')).toMatchObject({ codes: ['MISSING_VALUE'] });
    for (const raw of ['0x10', '0b1', '0o7', 'abc', '1,5']) expect(read(raw).codes).toEqual(['NOT_A_NUMBER']);
    expect(Number.isNaN(read('0x10').value)).toBe(true);
    expect(read('1.234.567,5').log.errors[0].message).toMatch(/Use a dot for decimals/);
    expect(read('-1').codes).toEqual(['NEGATIVE_VALUE']);
    expect(read('100', 'percent').codes).toEqual([]);
    expect(read('100.5', 'percent').codes).toEqual(['PERCENT_OVER_100']);
    expect(read('1e12').codes).toEqual(['VALUE_TOO_LARGE']);
  });
  it('caps persons by the area level, and only once the region is known', () => {
    expect(read('40000000', 'persons', '01').codes).toEqual(['EXCEEDS_POPULATION']);
    expect(read('40000000', 'persons', 'VN').codes).toEqual([]);
    expect(read('40000000', 'persons', null).codes).toEqual([]);
    expect(read('40000000', 'percent', '01').codes).toEqual(['PERCENT_OVER_100']);
  });
  it('puts the line, column and raw text on the issue', () => {
    expect(read('-2').log.errors[0]).toMatchObject({ line: 7, column: 'value', value: '-2' });
  });
});

describe('unit, period and field-count rules', () => {
  const employment = getIndicator('employment')!;
  it("rejects a unit other than the indicator's", () => {
    const log = new IssueLog(10);
    checkUnit(employment, 'percent', '%', 3, log);
    checkUnit(employment, 'persons', 'persons', 3, log);
    checkUnit(undefined, 'percent', '%', 3, log);
    expect(log.errors).toEqual([expect.objectContaining({ line: 3, column: 'unit', value: '%', code: 'UNIT_MISMATCH' })]);
  });
  it('compares the start of a year or quarter with the clock', () => {
    const clock = new PeriodClock(Date.UTC(2025, 3, 1));
    expect(['2025', '2025-Q2', '2025-Q3', '2026'].map((p) => clock.isFuture(p))).toEqual([false, false, true, true]);
    const log = new IssueLog(10);
    checkPeriod(employment, '2025-Q3', '2025 Q3', clock, 4, log);
    expect(log.errors).toEqual([expect.objectContaining({ line: 4, column: 'period', value: '2025 Q3', code: 'FUTURE_PERIOD' })]);
  });
  it('hints at quoting only when the record has too many fields', () => {
    expect(fieldCountIssue(['a', 'b'], 3, 2).message).not.toMatch(/double quotes/);
    expect(fieldCountIssue(['a', 'b', 'c', 'd'], 3, 2)).toMatchObject({
      code: 'FIELD_COUNT',
      line: 2,
      column: null,
      message: expect.stringMatching(/double quotes/),
    });
  });
});

describe('LongCells', () => {
  const row = (over: Partial<Observation> = {}): Observation => ({
    indicator: 'employment',
    period: '2024',
    region: '75',
    sector: 'TOTAL',
    qualification: 'ALL',
    value: 100,
    unit: 'persons',
    source: 'A',
    status: 'official',
    ...over,
  });
  it('adds counts of former provinces now in one unit, once each, and reports a repeat as a duplicate', () => {
    const log = new IssueLog(10);
    const cells = new LongCells(log);
    cells.add(row(), 2, 'Bình Phước', '70');
    cells.add(row({ value: 50, source: 'B', status: 'modelled' }), 3, '75', undefined);
    cells.add(row({ value: 1 }), 4, '75', undefined);
    expect(cells.rows).toEqual([row({ value: 150, source: 'A + B', status: 'modelled' })]);
    expect(cells.lines).toEqual([2]);
    expect(codes(log)).toEqual(['DUPLICATE_KEY']);
    expect(log.errors[0]).toMatchObject({ line: 4, message: expect.stringContaining('line 2') });
    expect(cells.warnPartial()).toBe(1);
    cells.warnFormer();
    expect(log.warnings.map((w) => w.code)).toEqual(['FORMER_PROVINCE']);
    expect(cells.formerRows).toBe(1);
  });
  it('refuses to add up percentages and warns about cells missing a former part', () => {
    const log = new IssueLog(10);
    const cells = new LongCells(log);
    cells.add(row({ indicator: 'unemployment_rate', unit: 'percent', value: 2 }), 2, 'Bình Phước', '70');
    cells.add(row({ indicator: 'unemployment_rate', unit: 'percent', value: 3 }), 3, '75', undefined);
    expect(codes(log)).toEqual(['MERGE_PERCENT']);
    expect(cells.warnPartial()).toBe(0);
    expect(log.warnings).toEqual([expect.objectContaining({ code: 'PARTIAL_MERGE', value: '75', message: expect.stringMatching(/has 70; missing 75/) })]);
  });
  it('shares one source string between rows and tracks the period range', () => {
    const cells = new LongCells(new IssueLog(10));
    cells.add(row({ source: 'Survey'.slice(0) }), 2, '01', undefined);
    cells.add(row({ period: '2019', region: '01', source: ['Sur', 'vey'].join('') }), 3, '01', undefined);
    expect(cells.periods()).toEqual({ min: '2019', max: '2024' });
    expect(cells.perIndicator).toEqual({ employment: 2 });
    expect(new LongCells(new IssueLog(1)).periods()).toBeNull();
  });
});

describe('createLongResolvers', () => {
  it('reads the sector column on the indicator axis, any axis when the indicator is unknown', () => {
    const r = createLongResolvers();
    expect(r.breakdown(getIndicator('employment'), 'OCC1')).toMatchObject({ ok: false, code: 'UNKNOWN_SECTOR' });
    expect(r.breakdown(undefined, 'OCC1')).toMatchObject({ ok: true, value: 'OCC1' });
    expect(r.unit('Người')).toEqual({ ok: true, value: 'persons' });
    expect(r.status('Chính thức')).toEqual({ ok: true, value: 'official' });
    expect(r.period('2024 q3')).toEqual({ ok: true, value: '2024-Q3' });
  });
});
