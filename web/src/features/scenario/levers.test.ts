import { describe, expect, it } from 'vitest';
import { baselineValue, leverOfPath, leversFor, parametersKey, readLever, referenceOf, writeLever } from './levers';
import type { ScenarioBaseline } from '../../api/types';
import { formatLeverValue, makeKeyNamer, summariseParameters } from './summary';
import vi from '../../i18n/vi.json';

const baseline: ScenarioBaseline = {
  baseYear: 2025,
  horizon: 10,
  valueAddedGrowth: { A: 3, 'B-F': 8, 'G-U': 6.5, C: 9.2, F: 7 },
  productivityGrowth: { A: 5.1, 'B-F': 3.2, 'G-U': 2.4 },
  participation: { 'M:15-24': 44.1 },
  retirementAge: { M: 62, F: 60 },
  graduates: { elementary: 1000, intermediate: 2000, college: 3000, university: 4000 },
  entryRate: 80,
  newFields: { semiconductors: 60_000 },
  labourForceEnd: null,
};

const levers = leversFor('F');
const byId = (id: string) => levers.find((l) => l.id === id)!;

describe('scenario levers', () => {
  it('shows the broad sectors, the chosen section and every group', () => {
    expect(levers.filter((l) => l.spec === 'valueAddedGrowth').map((l) => l.id)).toEqual([
      'valueAddedGrowth.A',
      'valueAddedGrowth.B-F',
      'valueAddedGrowth.G-U',
      'valueAddedGrowth.F',
    ]);
    expect(levers.filter((l) => l.spec === 'valueAddedGrowthChange').map((l) => l.id)).toEqual(['valueAddedGrowthChange.*', 'valueAddedGrowthChange.F']);
    expect(new Set(levers.map((l) => l.group))).toEqual(new Set(['economy', 'supply', 'training', 'fields']));
    expect(byId('retirementAge.M.target').min).toBe(62);
    expect(byId('retirementAge.F.target').min).toBe(60);
  });

  it('also shows every sector and field the parameter set already names, fields in the new-fields group', () => {
    const shown = leversFor('C', { valueAddedGrowth: { J: 9 }, valueAddedGrowthChange: { '*': 1, K: 1.2, semiconductors: 6 } });
    expect(shown.filter((l) => l.spec === 'valueAddedGrowth').map((l) => l.key)).toEqual(['A', 'B-F', 'G-U', 'C', 'J']);
    const change = shown.filter((l) => l.spec === 'valueAddedGrowthChange');
    expect(change.map((l) => [l.key, l.group])).toEqual([
      ['*', 'economy'],
      ['C', 'economy'],
      ['K', 'economy'],
      ['semiconductors', 'fields'],
    ]);
  });

  it('writes a value under its path and drops it again at the baseline, so untouched levers never pin the baseline', () => {
    const c = byId('valueAddedGrowth.F');
    const set = writeLever({}, c, 12, baselineValue(c, baseline));
    expect(set).toEqual({ valueAddedGrowth: { F: 12 } });
    expect(readLever(set, c)).toBe(12);
    expect(writeLever(set, c, 7, baselineValue(c, baseline))).toEqual({});
    const p = byId('productivityGrowthChange');
    expect(writeLever({ productivityGrowthChange: 0.5 }, p, 0, baselineValue(p, baseline))).toEqual({});
    expect(writeLever({ productivityGrowthChange: 0.5 }, p, undefined, 0)).toEqual({});
  });

  it('never mutates the parameter set it is given', () => {
    const params = { trainingOutputChange: { college: 20 } };
    const l = byId('trainingOutputChange.university');
    const next = writeLever(params, l, 10, 0);
    expect(params).toEqual({ trainingOutputChange: { college: 20 } });
    expect(next).toEqual({ trainingOutputChange: { college: 20, university: 10 } });
  });

  it('keeps a retirement path whole: no start year without a target, and removing the target removes the path', () => {
    const target = byId('retirementAge.M.target');
    const start = byId('retirementAge.M.startYear');
    expect(writeLever({}, start, 2030, null)).toEqual({});
    const withTarget = writeLever({}, target, 65, baselineValue(target, baseline));
    const path = writeLever(withTarget, start, 2030, null);
    expect(path).toEqual({ retirementAge: { M: { target: 65, startYear: 2030 } } });
    expect(writeLever(path, target, 62, 62)).toEqual({});
  });

  it('reads a per-period value as its mean', () => {
    expect(readLever({ valueAddedGrowth: { F: { '2026-2030': 8, '2031-2035': 6 } } }, byId('valueAddedGrowth.F'))).toBe(7);
  });

  it('maps a problem path to the lever it belongs to', () => {
    expect(leverOfPath('valueAddedGrowth.F', levers)?.id).toBe('valueAddedGrowth.F');
    expect(leverOfPath('valueAddedGrowth.F.2026-2030', levers)?.id).toBe('valueAddedGrowth.F');
    expect(leverOfPath('retirementAge.M', levers)?.id).toBe('retirementAge.M.target');
    expect(leverOfPath('entryRate', levers)?.id).toBe('entryRate');
    expect(leverOfPath('nonsense', levers)).toBeUndefined();
  });

  it('gives relative levers a base figure and levers whose default differs by key the baseline forecast value', () => {
    expect(referenceOf(byId('trainingOutputChange.ALL'), baseline)).toEqual({ value: 10_000, unit: 'graduates-per-year' });
    expect(referenceOf(byId('newFieldBoost.semiconductors'), baseline)).toEqual({ value: 60_000, unit: 'workers' });
    expect(baselineValue(byId('valueAddedGrowth.B-F'), baseline)).toBe(8);
    expect(baselineValue(byId('entryRate'), null)).toBeNull();
    expect(baselineValue(byId('exitRateChange'), null)).toBe(0);
  });

  it('compares parameter sets regardless of key order', () => {
    expect(parametersKey({ entryRate: 70, valueAddedGrowth: { C: 1, A: 2 } })).toBe(parametersKey({ valueAddedGrowth: { A: 2, C: 1 }, entryRate: 70 }));
  });
});

describe('scenario summaries', () => {
  const t = (key: string, o?: Record<string, unknown>) => {
    let text = key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k] ?? (n as Record<string, unknown>)?.[`${k}_other`], vi) as string;
    for (const [k, v] of Object.entries(o ?? {})) text = text.replace(`{{${k}}}`, String(v));
    return text;
  };
  const names = { sector: (c: string) => ({ C: 'Chế biến, chế tạo' })[c] ?? c, qualification: (c: string) => ({ college: 'Cao đẳng' })[c] ?? c };

  it('writes values in vi-VN with their unit and a sign for changes', () => {
    expect(formatLeverValue(1234.5, 'workers', 'vi', t, { step: 500 })).toBe('1.235 lao động');
    expect(formatLeverValue(1.5, 'pp-per-year', 'vi', t, { step: 0.1, signed: true })).toBe('+1,5 điểm %/năm');
    expect(formatLeverValue(1.5, 'pp-per-year', 'en', (k) => k, { step: 0.1 })).toBe('1.5 scenario.units.pp-per-year');
  });

  it('summarises every set parameter, one line each', () => {
    const lines = summariseParameters(
      {
        valueAddedGrowth: { C: 12 },
        trainingOutputChange: { college: 20 },
        retirementAge: { M: { target: 65, startYear: 2030 } },
        participationChange: { 'F:50+': 2 },
      },
      'vi',
      t,
      makeKeyNamer(names, t),
    );
    expect(lines).toEqual([
      'Tăng trưởng giá trị tăng thêm (thực) — Chế biến, chế tạo: 12,0 %/năm',
      'Thay đổi tỷ lệ tham gia lực lượng lao động — Nữ 50+: +2,0 điểm %',
      'Tuổi nghỉ hưu mục tiêu (lộ trình tăng thêm) — Nam: 65 tuổi, từ năm 2030',
      'Thay đổi quy mô đào tạo — Cao đẳng: +20 %',
    ]);
    expect(summariseParameters({}, 'vi', t, makeKeyNamer(names, t))).toEqual([]);
  });
});
