import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../../i18n/index';
import { generalProblemText, issueKind, leverProblemText, parameterName } from './lever-problem';
import { leversFor } from './levers';

const levers = leversFor('C');
const byId = (id: string) => levers.find((l) => l.id === id)!;
const tIn = (lang: 'vi' | 'en') => i18n.getFixedT(lang);

describe('scenario problems in the UI language', () => {
  it('reads the kind of problem from our messages and zod defaults', () => {
    expect(issueKind('must be at most 30')).toBe('max');
    expect(issueKind('Too small: expected number to be >=2026')).toBe('min');
    expect(issueKind("must be at least the 2019 Labour Code's final age (62)")).toBe('min');
    expect(issueKind('Invalid input: expected int, received number')).toBe('integer');
    expect(issueKind('Invalid input: expected number, received string')).toBe('number');
    expect(issueKind('unknown key')).toBe('unknown');
    expect(issueKind('overlaps 2026-2030')).toBe('other');
  });

  it('prefers the served messageVi in Vietnamese only', () => {
    const e = { path: 'valueAddedGrowth.C', message: 'must be at most 30', messageVi: 'Tối đa 30 %/năm.' };
    expect(leverProblemText(e, byId('valueAddedGrowth.C'), 'vi', tIn('vi'))).toBe('Tối đa 30 %/năm.');
    expect(leverProblemText(e, byId('valueAddedGrowth.C'), 'en', tIn('en'))).not.toContain('Tối đa');
  });

  it('builds the range from the lever spec, in Vietnamese', () => {
    const l = byId('valueAddedGrowth.C');
    const text = leverProblemText({ path: l.id, message: 'must be at most 30' }, l, 'vi', tIn('vi'));
    expect(text).toBe(`Giá trị không được vượt quá ${String(l.max).replace('.', ',')},0 %/năm.`);
    const floor = byId('retirementAge.M.target');
    expect(leverProblemText({ path: floor.id, message: "must be at least the 2019 Labour Code's final age (62)" }, floor, 'vi', tIn('vi'))).toContain('62');
    const year = byId('retirementAge.F.startYear');
    const whole = leverProblemText({ path: year.id, message: 'Invalid input: expected int, received number' }, year, 'vi', tIn('vi'));
    expect(whole).toContain('số nguyên');
    expect(whole).toContain(`${year.min}`);
    expect(whole).toContain(`${year.max}`);
  });

  it('never passes English through in Vietnamese mode', () => {
    const l = byId('newFieldBoost.semiconductors');
    const text = leverProblemText({ path: `${l.id}.2020-2031`, message: 'years must run forward within 2025–2050' }, l, 'vi', tIn('vi'));
    expect(text).toMatch(/^Giá trị không hợp lệ\. Khoảng cho phép: /);
    expect(text).not.toMatch(/years|must/);
  });

  it('names parameters the panel does not draw', () => {
    expect(parameterName('trainingOutput.college', 'vi')).toMatch(/\(college\)$/);
    expect(parameterName('nonsense', 'vi')).toBe('nonsense');
    expect(generalProblemText({ path: 'nonsense', message: 'unknown parameter; known: a, b' }, 'vi', tIn('vi'))).toBe('nonsense: Tham số không được hỗ trợ.');
    expect(generalProblemText({ path: 'nonsense', message: 'unknown parameter' }, 'en', tIn('en'))).toBe('nonsense: unknown parameter');
  });
});
