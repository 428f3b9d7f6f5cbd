import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { computeBase, computeOutlook, outlookFor, recomputeProvince, scenarioOutlooks } from './outlook';
import { getScenario, SCENARIOS } from './scenarios';
import { SMALL_STRUCTURE, syntheticObservations } from '../../test/synthetic';
import type { NationalSystem } from './system/types';
import type { CellForecast, GapRow } from './types';

const observations = syntheticObservations({ structure: SMALL_STRUCTURE, fields: ['semiconductors'], fieldProvinces: ['P1', 'P3'] });
const set = computeOutlook(observations, { structure: SMALL_STRUCTURE });
const baseline = set.outlooks.baseline;

const provinces = ['P1', 'P2', 'P3', 'P4'];
const regionsOf: Record<string, string[]> = { VN: ['R1', 'R2'], R1: ['P1', 'P2'], R2: ['P3', 'P4'] };
const sections = ['A', 'C', 'F'];
const levels = ['none', 'college', 'university'];

function rel(a: number, b: number) {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

function fc(list: CellForecast[], region: string, sector: string, qualification: string) {
  const f = list.find((x) => x.indicator === 'employment' && x.region === region && x.sector === sector && x.qualification === qualification);
  if (!f) throw new Error(`no forecast ${region}/${sector}/${qualification}`);
  return f;
}

function gap(rows: GapRow[], region: string, sector: string, qualification: string, horizon: number) {
  const g = rows.find((x) => x.region === region && x.sector === sector && x.qualification === qualification && x.horizon === horizon);
  if (!g) throw new Error(`no gap ${region}/${sector}/${qualification}/${horizon}`);
  return g;
}

describe('scenarioOutlooks', () => {
  it('yields, one at a time, exactly the outlooks computeOutlook collects', () => {
    const base = computeBase(observations, { structure: SMALL_STRUCTURE });
    const seen: string[] = [];
    for (const outlook of scenarioOutlooks(base, { structure: SMALL_STRUCTURE })) {
      seen.push(outlook.scenario.id);
      expect(outlook.forecasts).toEqual(set.outlooks[outlook.scenario.id].forecasts);
      expect(outlook.gaps).toEqual(set.outlooks[outlook.scenario.id].gaps);
      expect(outlook.targets).toEqual(set.outlooks[outlook.scenario.id].targets);
    }
    expect(seen).toEqual(SCENARIOS.map((s) => s.id));
  });

  it('still shares rows between scenarios that agree on a grid after earlier ones were dropped', () => {
    const base = computeBase(observations, { structure: SMALL_STRUCTURE });
    const byId = new Map([...scenarioOutlooks(base, { structure: SMALL_STRUCTURE })].map((o) => [o.scenario.id, o]));
    // The policy-target scenarios leave the sections as in the baseline: the same row objects, not copies.
    const sectionRow = (id: string) => byId.get(id)!.gaps.find((g) => g.sector === 'C' && g.region === 'VN' && g.qualification === 'ALL' && g.horizon === 5);
    expect(sectionRow('targets-met')).toBe(sectionRow('baseline'));
    expect(sectionRow('targets-50')).toBe(sectionRow('baseline'));
    expect(sectionRow('high-growth')).not.toEqual(sectionRow('baseline'));
  });

  it('never serves a cached scenario for one that differs in a single lever (the cache key covers every lever)', () => {
    const base = computeBase(observations, { structure: SMALL_STRUCTURE });
    const supplyOf = (s: typeof baseline.scenario) =>
      provinces.map((p) => gap(outlookFor(base, s, { gapHorizons: [5] }).gaps, p, 'TOTAL', 'ALL', 5)).map((g) => [g.newSupply, g.openings]);
    const before = supplyOf(SCENARIOS[0]);
    const levers = [{ graduateMobility: 1 }, { exitRate: 1.3 }, { entryRate: 0.5 }, { trainingCapacityChange: 0.4 }];
    for (const lever of levers) expect(supplyOf({ ...SCENARIOS[0], id: 'x', ...lever }), JSON.stringify(lever)).not.toEqual(before);
  });
});

describe('computeOutlook: shape', () => {
  it('returns one outlook per scenario with forecasts, gaps for horizons 1..10, targets and assumptions', () => {
    expect(Object.keys(set.outlooks)).toEqual(SCENARIOS.map((s) => s.id));
    expect(baseline.baseYear).toBe(2025);
    expect(baseline.reconciliation).toBe('ols');
    expect(new Set(baseline.gaps.map((g) => g.horizon))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const vn = fc(baseline.forecasts, 'VN', 'TOTAL', 'ALL');
    expect(vn.forecast.periods).toEqual(['2026', '2027', '2028', '2029', '2030', '2031', '2032', '2033', '2034', '2035']);
    expect(vn.forecast.intervals.map((i) => i.level)).toEqual([80, 95]);
    expect(vn.accuracy.origins).toBeGreaterThan(0);
    expect(vn.accuracy.naiveMase).not.toBeNull();
    expect(vn.status).toBe('modelled');
    expect(baseline.gaps.every((g) => g.status === 'modelled' && g.source.length > 0)).toBe(true);
    expect(baseline.assumptions.thresholds.shortageBelow).toBe(-0.02);
    // the hidden residual region of the new field is never shown
    expect(baseline.forecasts.some((f) => f.region.startsWith('_'))).toBe(false);
  });

  it('summarises backtest accuracy against naive by level of detail', () => {
    const rows = baseline.accuracy!.rows;
    expect(rows.map((r) => r.tier)).toEqual(['national-regional', 'province-totals', 'detailed']);
    for (const r of rows) {
      expect(r.cells).toBeGreaterThan(0);
      expect(r.naiveMase).toBeGreaterThan(0);
      expect(r.coverage95).toBeGreaterThanOrEqual(r.coverage80);
    }
    const nat = baseline.forecasts.filter(
      (f) => f.indicator === 'employment' && ['VN', 'R1', 'R2'].includes(f.region) && f.accuracy.mase !== null && f.accuracy.naiveMase !== null,
    );
    expect(rows[0].cells).toBe(nat.length);
    const mean = nat.reduce((a, f) => a + f.accuracy.mase!, 0) / nat.length;
    expect(rows[0].mase).toBeCloseTo(mean, 9);
  });

  it('names the benchmark whose backtest a system-made cell carries, and only there', () => {
    const shares = baseline.forecasts.filter((f) => f.models.some((m) => m.method === 'system-shares'));
    expect(shares.length).toBeGreaterThan(0);
    for (const f of shares) expect(f.accuracy.benchmark, `${f.indicator} ${f.region} ${f.sector}`).toMatch(/^(auto|naive)$/);
    for (const f of baseline.forecasts.filter((x) => !x.models.some((m) => m.method.startsWith('system') || m.method.startsWith('national-system'))))
      expect(f.accuracy.benchmark).toBeUndefined();
  });

  it('has only finite numbers (JSON would silently turn NaN into null)', () => {
    const bad: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'number' && !Number.isFinite(v)) bad.push(path);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    for (const [id, o] of Object.entries(set.outlooks)) walk({ forecasts: o.forecasts, gaps: o.gaps, targets: o.targets, assumptions: o.assumptions }, id);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('keeps every interval around its mean, 95% containing 80%', () => {
    for (const f of baseline.forecasts) {
      const [i80, i95] = f.forecast.intervals;
      f.forecast.mean.forEach((m, t) => {
        expect(i80.lower[t]).toBeLessThanOrEqual(m + 1e-9);
        expect(i80.upper[t]).toBeGreaterThanOrEqual(m - 1e-9);
        expect(i95.lower[t]).toBeLessThanOrEqual(i80.lower[t] + 1e-9);
        expect(i95.upper[t]).toBeGreaterThanOrEqual(i80.upper[t] - 1e-9);
      });
    }
  });
});

describe('coherent totals after reconciliation (no two figures contradict)', () => {
  for (const id of ['baseline', 'high-growth']) {
    const o = set.outlooks[id];
    it(`${id}: VN = Σ regions = Σ provinces, TOTAL = Σ sections, ALL = Σ levels in every period`, () => {
      for (let t = 0; t < 10; t++) {
        for (const s of ['TOTAL', ...sections]) {
          for (const q of ['ALL', ...levels]) {
            const vn = fc(o.forecasts, 'VN', s, q).forecast.mean[t];
            const byRegion = regionsOf.VN.reduce((a, r) => a + fc(o.forecasts, r, s, q).forecast.mean[t], 0);
            const byProvince = provinces.reduce((a, p) => a + fc(o.forecasts, p, s, q).forecast.mean[t], 0);
            expect(rel(vn, byRegion)).toBeLessThan(1e-6);
            expect(rel(vn, byProvince)).toBeLessThan(1e-6);
          }
        }
        for (const r of ['VN', 'R1', ...provinces]) {
          for (const q of ['ALL', ...levels]) {
            const total = fc(o.forecasts, r, 'TOTAL', q).forecast.mean[t];
            const sum = sections.reduce((a, s) => a + fc(o.forecasts, r, s, q).forecast.mean[t], 0);
            expect(rel(total, sum)).toBeLessThan(1e-6);
            // the broad group B-F is C + F
            expect(
              rel(fc(o.forecasts, r, 'B-F', q).forecast.mean[t], fc(o.forecasts, r, 'C', q).forecast.mean[t] + fc(o.forecasts, r, 'F', q).forecast.mean[t]),
            ).toBeLessThan(1e-6);
          }
          for (const s of ['TOTAL', ...sections]) {
            const all = fc(o.forecasts, r, s, 'ALL').forecast.mean[t];
            const sum = levels.reduce((a, q) => a + fc(o.forecasts, r, s, q).forecast.mean[t], 0);
            expect(rel(all, sum)).toBeLessThan(1e-6);
          }
        }
      }
    });

    it(`${id}: openings, new supply and imbalance add up the same way`, () => {
      for (const h of [1, 5, 10]) {
        for (const key of ['openings', 'expansion', 'replacement', 'newSupply', 'imbalance'] as const) {
          const vn = gap(o.gaps, 'VN', 'TOTAL', 'ALL', h)[key];
          expect(
            rel(
              vn,
              provinces.reduce((a, p) => a + gap(o.gaps, p, 'TOTAL', 'ALL', h)[key], 0),
            ),
          ).toBeLessThan(1e-6);
          expect(
            rel(
              vn,
              sections.reduce((a, s) => a + gap(o.gaps, 'VN', s, 'ALL', h)[key], 0),
            ),
          ).toBeLessThan(1e-6);
          expect(
            rel(
              vn,
              levels.reduce((a, q) => a + gap(o.gaps, 'VN', 'TOTAL', q, h)[key], 0),
            ),
          ).toBeLessThan(1e-6);
        }
      }
      for (const g of o.gaps) {
        expect(g.openings).toBeCloseTo(g.expansion + g.replacement, 6);
        expect(g.imbalance).toBeCloseTo(g.newSupply - g.openings, 6);
      }
    });
  }

  it('reconciles the fitted base forecasts themselves (before scenarios and rounding)', () => {
    const base = computeBase(observations, { structure: SMALL_STRUCTURE, backtest: 'aggregates' });
    const nodes = base.main!.grid.nodes;
    const m = (r: string, s: string, q: string) => nodes.find((n) => n.region === r && n.sector === s && n.qualification === q)!.mean;
    for (let t = 0; t < 10; t++) {
      expect(
        rel(
          m('VN', 'TOTAL', 'ALL')[t],
          provinces.reduce((a, p) => a + m(p, 'TOTAL', 'ALL')[t], 0),
        ),
      ).toBeLessThan(1e-9);
      expect(
        rel(
          m('R2', 'C', 'ALL')[t],
          levels.reduce((a, q) => a + m('R2', 'C', q)[t], 0),
        ),
      ).toBeLessThan(1e-9);
      expect(
        rel(
          m('P1', 'TOTAL', 'none')[t],
          sections.reduce((a, s) => a + m('P1', s, 'none')[t], 0),
        ),
      ).toBeLessThan(1e-9);
    }
  });

  it('does not add the new field into TOTAL: TOTAL equals Σ sections without it', () => {
    const total = fc(baseline.forecasts, 'VN', 'TOTAL', 'ALL').forecast.mean[0];
    const sum = sections.reduce((a, s) => a + fc(baseline.forecasts, 'VN', s, 'ALL').forecast.mean[0], 0);
    const field = fc(baseline.forecasts, 'VN', 'semiconductors', 'ALL').forecast.mean[0];
    expect(field).toBeGreaterThan(0);
    expect(rel(total, sum)).toBeLessThan(1e-6);
    expect(rel(total, sum + field)).toBeGreaterThan(1e-6);
  });

  it('keeps the new field coherent by level and keeps its national total (provinces + the rest)', () => {
    const f = fc(baseline.forecasts, 'VN', 'semiconductors', 'ALL');
    const byLevel = levels.reduce((a, q) => a + fc(baseline.forecasts, 'VN', 'semiconductors', q).forecast.mean[3], 0);
    expect(rel(f.forecast.mean[3], byLevel)).toBeLessThan(1e-6);
    const observed = observations.filter((o) => o.indicator === 'employment' && o.region === 'VN' && o.sector === 'semiconductors' && o.period === '2025');
    const provincesOnly =
      fc(baseline.forecasts, 'P1', 'semiconductors', 'ALL').history.at(-1)!.value + fc(baseline.forecasts, 'P3', 'semiconductors', 'ALL').history.at(-1)!.value;
    expect(f.history.at(-1)!.value).toBeCloseTo(
      observed.reduce((a, o) => a + o.value, 0),
      6,
    );
    expect(f.history.at(-1)!.value).toBeGreaterThan(provincesOnly);
  });
});

describe('partial data', () => {
  it('hides regional totals of a field whose national value shows provinces are missing', () => {
    // the synthetic field has national employment beyond its two provinces
    expect(baseline.forecasts.some((f) => f.sector === 'semiconductors' && (f.region === 'R1' || f.region === 'R2'))).toBe(false);
    expect(baseline.gaps.some((g) => g.sector === 'semiconductors' && g.region === 'R1')).toBe(false);
  });

  it('keeps them when the provinces add up to the national value (missing provinces are zero)', () => {
    const exact = observations.filter((o) => !(o.sector === 'semiconductors' && o.region === 'VN'));
    const sums = new Map<string, number>();
    for (const o of exact)
      if (o.sector === 'semiconductors' && o.indicator === 'employment')
        sums.set(`${o.period}|${o.qualification}`, (sums.get(`${o.period}|${o.qualification}`) ?? 0) + o.value);
    const vn = [...sums].map(([k, v]) => {
      const [period, qualification] = k.split('|');
      return {
        indicator: 'employment',
        period,
        region: 'VN',
        sector: 'semiconductors',
        qualification,
        value: v,
        unit: 'persons' as const,
        source: 'sum',
        status: 'modelled' as const,
      };
    });
    const o = computeOutlook([...exact, ...vn], { structure: SMALL_STRUCTURE, scenarios: [SCENARIOS[0]] }).outlooks.baseline;
    const r1 = fc(o.forecasts, 'R1', 'semiconductors', 'ALL');
    const all = fc(o.forecasts, 'VN', 'semiconductors', 'ALL');
    expect(rel(all.forecast.mean[2], r1.forecast.mean[2] + fc(o.forecasts, 'R2', 'semiconductors', 'ALL').forecast.mean[2])).toBeLessThan(1e-6);
  });
});

describe('gaps', () => {
  it('computes expansion as the net change in employment in every cell (adds up, can be negative)', () => {
    for (const g of baseline.gaps) expect(g.expansion).toBeCloseTo(g.employmentEnd - g.employmentBase, 6);
  });

  it('flags on the imbalance share with the thresholds given and ranks within region and horizon', () => {
    const t = { shortageBelow: -0.1, surplusAbove: 0.1, smallCell: 1000, minOpenings: 100 };
    const strict = computeOutlook(observations, { structure: SMALL_STRUCTURE, scenarios: [SCENARIOS[0]], thresholds: t });
    for (const g of strict.outlooks.baseline.gaps) {
      if (g.employmentBase < 1000 || g.replacement + Math.max(0, g.expansion) < 100) expect(g.flag).toBe('too-small');
      else if (g.flag !== 'uncertain') expect(g.flag).toBe(g.imbalanceShare! < -0.1 ? 'shortage' : g.imbalanceShare! > 0.1 ? 'surplus' : 'balanced');
      expect(g.imbalanceShare).toBeCloseTo(g.employmentBase > 0 ? g.imbalance / g.employmentBase : NaN, 5);
    }
    expect(baseline.assumptions.thresholds).toMatchObject({ shortageBelow: -0.02, surplusAbove: 0.02, smallCell: 5000, minOpenings: 500 });
    const group = baseline.gaps.filter((g) => g.region === 'P1' && g.horizon === 5 && sections.includes(g.sector) && levels.includes(g.qualification));
    const ranked = group.filter((g) => g.rank !== null);
    expect(ranked.map((g) => g.rank!).sort((a, b) => a - b)).toEqual(ranked.map((_, i) => i + 1));
    for (const g of group) expect(g.rank === null).toBe(g.flag === 'too-small');
    const first = ranked.find((g) => g.rank === 1);
    if (first) for (const g of ranked) expect(first.imbalanceShare!).toBeLessThanOrEqual(g.imbalanceShare! + 1e-12);
  });

  it('never flags or ranks a cell below the minimum size', () => {
    for (const o of Object.values(set.outlooks)) {
      for (const g of o.gaps) {
        if (g.employmentBase < 5000 || g.replacement + Math.max(0, g.expansion) < 500) {
          expect(g.flag).toBe('too-small');
          expect(g.rank).toBeNull();
        }
      }
    }
  });
});

describe('scenarios', () => {
  it('orders openings: high-growth ≥ baseline ≥ low-growth in every cell and horizon', () => {
    const high = set.outlooks['high-growth'].gaps;
    const low = set.outlooks['low-growth'].gaps;
    expect(high.length).toBe(baseline.gaps.length);
    let strictly = 0;
    baseline.gaps.forEach((b, i) => {
      expect(high[i].region + high[i].sector + high[i].qualification + high[i].horizon).toBe(b.region + b.sector + b.qualification + b.horizon);
      expect(high[i].openings).toBeGreaterThanOrEqual(b.openings);
      expect(b.openings).toBeGreaterThanOrEqual(low[i].openings);
      if (high[i].openings > b.openings && b.openings > low[i].openings) strictly++;
    });
    expect(strictly).toBeGreaterThan(baseline.gaps.length / 2);
  });

  it('recomputeProvince gives exactly the rows of the full computation for that province', () => {
    const base = computeBase(observations, { structure: SMALL_STRUCTURE });
    for (const id of ['baseline', 'high-growth', 'targets-met']) {
      const s = getScenario(id)!;
      const one = recomputeProvince(base, 'P3', s, 10);
      const full = outlookFor(base, s);
      const expected = full.gaps.filter((g) => g.region === 'P3');
      expect(one.gaps.length).toBe(expected.length);
      const key = (g: GapRow) => `${g.sector}|${g.qualification}|${g.horizon}`;
      const byKey = new Map(expected.map((g) => [key(g), g]));
      for (const g of one.gaps) {
        const e = byKey.get(key(g))!;
        expect(g.openings).toBe(e.openings);
        expect(g.newSupply).toBe(e.newSupply);
        expect(g.flag).toBe(e.flag);
        expect(g.rank).toBe(e.rank);
      }
      expect(one.forecasts.map((f) => f.forecast.mean)).toEqual(full.forecasts.filter((f) => f.region === 'P3').map((f) => f.forecast.mean));
    }
  });

  it('moves the new field to its target path when targets are met', () => {
    const met = fc(set.outlooks['targets-met'].forecasts, 'VN', 'semiconductors', 'university');
    const half = fc(set.outlooks['targets-50'].forecasts, 'VN', 'semiconductors', 'university');
    const target = baseline.targets.find((t) => t.field === 'semiconductors')!;
    const i2030 = met.forecast.periods.indexOf('2030');
    expect(rel(met.forecast.mean[i2030], target.targetLevel!)).toBeLessThan(0.01);
    const trend = fc(baseline.forecasts, 'VN', 'semiconductors', 'university').forecast.mean[i2030];
    expect(rel(half.forecast.mean[i2030], (trend + target.targetLevel!) / 2)).toBeLessThan(0.01);
  });
});

describe('targets', () => {
  const t = baseline.targets.find((x) => x.field === 'semiconductors')!;

  it('starts the target path at the latest observation and reaches the target in the target year', () => {
    expect(t.decision).toMatch(/1017\/QĐ-TTg/);
    expect(t.latest.period).toBe('2025');
    const uni = observations.find((o) => o.region === 'VN' && o.sector === 'semiconductors' && o.qualification === 'university' && o.period === '2025')!;
    expect(t.latest.value).toBe(uni.value);
    const i = t.target.periods.indexOf('2030');
    // 1017/QĐ-TTg is a training target: the scenario path (an assumption) adds to the latest workforce
    // everyone still to train at an even pace from 2026 to 2030 (5 of 7 years of 50,000).
    expect(t.basis).toBe('assumption');
    expect(t.targetLevel).toBeCloseTo(t.latest.value + (50_000 * 5) / 7, 6);
    expect(t.target.mean[i]).toBeCloseTo(t.targetLevel!, 3);
    expect(t.target.periods[0]).toBe('2026');
    // monotone rise from the latest value toward the target
    expect(t.target.mean[0]).toBeGreaterThan(t.latest.value);
    for (let k = 1; k <= i; k++) expect(t.target.mean[k]).toBeGreaterThan(t.target.mean[k - 1]);
  });

  it('computes graduates needed per year from the path growth plus exits, and the gap to current output', () => {
    const path = [t.latest.value, ...t.target.mean.slice(0, 5)];
    const rate = set.outlooks.baseline.assumptions.exitRates.find((e) => e.sector === 'semiconductors')!.rate;
    let need = 0;
    for (let k = 1; k < path.length; k++) need += (path[k] - path[k - 1] + rate * path[k - 1]) / 0.85;
    expect(t.graduatesNeededPerYear.university).toBeCloseTo(need / 5, 0);
    expect(t.gap.university).toBeCloseTo(t.graduatesNeededPerYear.university - t.currentGraduatesPerYear.university, 6);
    expect(t.currentGraduatesPerYear.university).toBeGreaterThan(0);
  });
});

describe('official national series and the 2021 break', () => {
  const official: Observation[] = [];
  // Labour force: 2% growth with a 7% drop in level from 2021 (re-weighting)
  for (let y = 2010; y <= 2025; y++) {
    const v = 50_000_000 * 1.02 ** (y - 2010) * (y >= 2021 ? 0.93 : 1);
    official.push({
      indicator: 'labour_force',
      period: String(y),
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      value: Math.round(v),
      unit: 'persons',
      source: 'GSO LFS (test)',
      status: 'official',
    });
    official.push({
      indicator: 'unemployment_rate',
      period: String(y),
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      value: 2.2 + 0.05 * Math.sin(y),
      unit: 'percent',
      source: 'GSO LFS (test)',
      status: 'official',
    });
  }
  const out = computeOutlook([...observations, ...official], { structure: SMALL_STRUCTURE, scenarios: [SCENARIOS[0]] }).outlooks.baseline;

  it('forecasts the official series and records the splice at 2021', () => {
    const lf = out.forecasts.find((f) => f.indicator === 'labour_force')!;
    expect(lf.break).toMatchObject({ period: '2021', treatment: 'splice' });
    expect(lf.break!.ratio).toBeCloseTo(0.93, 6);
    // spliced history has no drop, so the forecast continues the post-2021 level, not below it
    expect(lf.forecast.mean[0]).toBeGreaterThan(lf.history.at(-1)!.value);
    expect(out.assumptions.breaks.some((b) => b.indicator === 'labour_force' && b.treatment === 'splice' && b.reason)).toBe(true);
  });

  it('the national labour force comes from the system, spliced like employment even when many points follow the break (issue 12)', () => {
    const o = computeOutlook([...observations, ...official], { structure: SMALL_STRUCTURE, scenarios: [SCENARIOS[0]], minAfterBreak: 5 });
    const lf = o.outlooks.baseline.forecasts.find((f) => f.indicator === 'labour_force')!;
    expect(lf.break?.treatment).toBe('splice');
  });

  it('keeps percentages within 0–100', () => {
    const u = out.forecasts.find((f) => f.indicator === 'unemployment_rate')!;
    for (const iv of u.forecast.intervals) for (const v of [...iv.lower, ...iv.upper]) expect(v >= 0 && v <= 100).toBe(true);
  });
});

describe('end-to-end hand-worked cell', () => {
  // One province, one section, one level; flat employment 10,000; 300 exits a year (3%);
  // 200 college graduates a year. Over 5 years: openings = 0 expansion + 0.03 × 10,000 × 5 = 1,500;
  // new supply = 0.85 × 200 × 5 = 850; imbalance = −650; ratio 0.567 → shortage.
  const structure = {
    regions: [
      { code: 'VN', parent: null },
      { code: 'P1', parent: 'VN' },
    ],
    sectors: [
      { code: 'TOTAL', parent: null },
      { code: 'C', parent: 'TOTAL' },
    ],
    qualifications: [
      { code: 'ALL', parent: null },
      { code: 'college', parent: 'ALL' },
    ],
    fields: [],
  };
  const rows: Observation[] = [];
  for (let y = 2016; y <= 2025; y++) {
    const base = {
      period: String(y),
      region: 'P1',
      sector: 'C',
      qualification: 'college',
      unit: 'persons' as const,
      source: 'hand',
      status: 'modelled' as const,
    };
    rows.push({ ...base, indicator: 'employment', value: 10_000 });
    rows.push({ ...base, indicator: 'exits', value: 300, status: 'official' as const });
    rows.push({ ...base, indicator: 'graduates', value: 200 });
  }
  const o = computeOutlook(rows, { structure, scenarios: [SCENARIOS[0]], otherEntrants: 'default' }).outlooks.baseline;

  it('matches the hand computation', () => {
    const g = gap(o.gaps, 'P1', 'C', 'college', 5);
    expect(g.expansion).toBe(0);
    expect(g.replacement).toBe(1500);
    expect(g.openings).toBe(1500);
    expect(g.newSupply).toBe(850);
    expect(g.imbalance).toBe(-650);
    expect(g.ratio).toBeCloseTo(0.567, 3);
    expect(g.imbalanceShare).toBeCloseTo(-0.065, 6);
    expect(g.flag).toBe('shortage');
    expect(gap(o.gaps, 'VN', 'TOTAL', 'ALL', 5).imbalance).toBe(-650);
    expect(o.assumptions.exitRates).toEqual([{ sector: 'C', rate: 0.03, basis: 'exits-data' }]);
  });

  it('no longer closes the books: without a national system other entrants keep the documented defaults', () => {
    const c = outlookFor({ ...computeBase(rows, { structure, scenarios: [SCENARIOS[0]] }), system: null }, SCENARIOS[0]);
    expect(c.assumptions.otherEntrantsRate.college).toBe(0);
    expect(c.assumptions.otherEntrantsBasis.college).toBe('default');
    expect(gap(c.gaps, 'P1', 'C', 'college', 5).newSupply).toBe(850);
    expect(c.assumptions.replacement).toBeNull();
    expect(c.assumptions.mobilityRate).toBe(0);
  });

  it('takes replacement and other entrants from the national system when the base has one', () => {
    const base = computeBase(
      rows.filter((r) => r.indicator !== 'exits'),
      { structure, scenarios: [SCENARIOS[0]] },
    );
    const system: NationalSystem = {
      baseYear: 2025,
      years: Array.from({ length: 11 }, (_, i) => 2025 + i),
      baseIndex: 0,
      labourForce: { mean: new Array(11).fill(20_000), intervals: [] },
      employment: { mean: new Array(11).fill(10_000), intervals: [] },
      unemploymentRate: new Array(11).fill(50),
      population15: new Array(11).fill(30_000),
      lfEntrants: new Array(10).fill(400),
      lfExits: new Array(10).fill(250),
      retirementRate: new Array(10).fill(0.02),
      deathRate: new Array(10).fill(0.005),
      entryMix: { college: 1 },
      replacementByLevel: { college: 0.8 },
      minUnemploymentRate: 0.01,
      cappedYears: [],
      methods: [{ id: 'demography', vi: 'Dân số', en: 'Population', source: 'UN WPP 2019' }],
    };
    const withSystem = Object.assign(base, { system });
    const o = outlookFor(withSystem, SCENARIOS[0]);
    const g = gap(o.gaps, 'P1', 'C', 'college', 5);
    // replacement 0.025 × 0.8 × 10,000 × 5 = 1,000; supply = 850 graduates + (400 − 170) × 5 = 2,000
    expect(g.replacement).toBe(1000);
    expect(g.newSupply).toBe(2000);
    expect(g.imbalanceShare).toBeCloseTo(0.1, 6);
    expect(g.flag).toBe('surplus');
    expect(o.assumptions.exitRates).toHaveLength(1);
    expect(o.assumptions.exitRates[0]).toMatchObject({ sector: 'C', basis: 'demographic' });
    expect(o.assumptions.exitRates[0].rate).toBeCloseTo(0.02, 12);
    expect(o.assumptions.otherEntrantsBasis.college).toBe('demographic');
    expect(o.assumptions.newSupply?.otherEntrants.college[0]).toBeCloseTo(230, 6);
    expect(o.assumptions.sources?.some((s) => s.id === 'system:demography')).toBe(true);
  });
});

describe('bad input', () => {
  it('rejects a horizon that is not a whole number of years', () => {
    expect(() => computeOutlook(observations, { structure: SMALL_STRUCTURE, horizon: 2.5 })).toThrow(/whole number of years/);
  });

  it('rejects an unknown province or horizon in recomputeProvince', () => {
    const base = computeBase(observations, { structure: SMALL_STRUCTURE, backtest: 'aggregates' });
    expect(() => recomputeProvince(base, 'P9', SCENARIOS[0], 5)).toThrow(/No province "P9"/);
    expect(() => recomputeProvince(base, 'P1', SCENARIOS[0], 11)).toThrow(/from 1 to 10/);
    expect(recomputeProvince(base, 'P1', SCENARIOS[0], 3).gaps.every((g) => g.horizon <= 3)).toBe(true);
  });

  it('throws a clear NOT_ENOUGH_DATA error when there is nothing to forecast', () => {
    expect(() => computeOutlook([], { structure: SMALL_STRUCTURE })).toThrow(/nothing to forecast/);
    try {
      computeOutlook([], { structure: SMALL_STRUCTURE });
    } catch (e) {
      expect((e as { code?: string }).code).toBe('NOT_ENOUGH_DATA');
    }
  });
});
