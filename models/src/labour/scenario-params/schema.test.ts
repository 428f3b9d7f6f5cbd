import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalParameters, normaliseParameters, parseScenarioParameters } from './schema';
import { PARAMETER_SPECS, type ParameterSpec } from './specs';

/** A valid value of one lever at `v`, in the shape its parameter takes. */
function shaped(s: ParameterSpec, v: number): Record<string, unknown> {
  if (s.name === 'retirementAge') return { retirementAge: { M: { target: v } } };
  if (s.keys) return { [s.name]: { [s.keys[s.keys.length - 1]]: v } };
  return { [s.name]: v };
}
const pathOf = (s: ParameterSpec) => (s.name === 'retirementAge' ? 'retirementAge.M.target' : s.keys ? `${s.name}.${s.keys[s.keys.length - 1]}` : s.name);

describe('scenario parameters', () => {
  it.each(PARAMETER_SPECS.map((s) => [s.name, s] as const))('%s: accepts its range and names itself just outside it', (_, s) => {
    const lo = s.name === 'retirementAge' ? 62 : s.min;
    expect(parseScenarioParameters(shaped(s, lo)).ok).toBe(true);
    expect(parseScenarioParameters(shaped(s, s.max)).ok).toBe(true);
    for (const bad of [lo - s.step, s.max + s.step]) {
      const r = parseScenarioParameters(shaped(s, bad));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(pathOf(s));
    }
    const typed = parseScenarioParameters(shaped(s, 'x' as unknown as number));
    expect(typed.ok).toBe(false);
  });

  it('refuses unknown parameters, unknown keys, NaN and overlapping periods, naming each', () => {
    const r = parseScenarioParameters({
      foo: 1,
      valueAddedGrowth: { Z: 1, C: { '2026-2030': 5, '2029-2031': 6 } },
      trainingOutputChange: { none: 5 },
      entryRate: Number.NaN,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['foo', 'valueAddedGrowth.Z', 'trainingOutputChange.none', 'entryRate']));
    expect(paths.some((p) => p.startsWith('valueAddedGrowth.C'))).toBe(true);
    expect(parseScenarioParameters([]).ok).toBe(false);
    expect(parseScenarioParameters(null).ok).toBe(false);
  });

  it('normalises: baseline values dropped, keys sorted, idempotent and independent of key order', () => {
    expect(normaliseParameters({ trainingOutputChange: { college: 0 }, exitRateChange: 0 })).toEqual({});
    const arb = fc.record(
      {
        valueAddedGrowthChange: fc.dictionary(fc.constantFrom('*', 'A', 'C', 'J', 'G-U'), fc.double({ min: -10, max: 10, noNaN: true })),
        trainingOutputChange: fc.dictionary(fc.constantFrom('ALL', 'college', 'university'), fc.integer({ min: -90, max: 300 })),
        productivityGrowthChange: fc.double({ min: -5, max: 5, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arb, (p) => {
        const r = parseScenarioParameters(p);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(normaliseParameters(r.parameters)).toEqual(r.parameters);
        const reversed = Object.fromEntries(
          Object.entries(p)
            .reverse()
            .map(([k, v]) => [k, typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse()) : v]),
        );
        expect(canonicalParameters(reversed as typeof p)).toBe(canonicalParameters(r.parameters));
      }),
      { numRuns: 200 },
    );
  });
});
