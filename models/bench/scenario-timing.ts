/**
 * Times the labour model's per-province scenario recompute
 * (`recomputeProvince`, target ≤ 50 ms per province) on the seeded dataset
 * (seeds/data/*.csv, parsed by the app's own long-format parser), falling
 * back to the labour module's synthetic data if the seeds are absent.
 * The labour module is loaded lazily: if it is missing or broken the bench
 * still runs and reports 'n/a'.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './datasets';

export interface ScenarioTiming {
  /** Median ms to recompute one province for one scenario (all sectors, fields, levels; horizons 1..10). */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** ms for the base projection (computeBase: every fit, once per data version). */
  baseMs: number;
  provinces: number;
  scenarios: number;
  data: string;
}

type Labour = typeof import('../src/index');
type Observation = import('../src/data/observation').Observation;

async function loadObservations(labour: Labour): Promise<{ rows: Observation[]; label: string }> {
  const dir = path.join(REPO_ROOT, 'seeds/data');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .sort()
    : [];
  if (files.length > 0) {
    const { parseLongCsv } = await import('../src/data/long-format');
    const rows: Observation[] = [];
    for (const f of files) {
      const result = parseLongCsv(readFileSync(path.join(dir, f), 'utf8'));
      if (!result.ok) throw new Error(`seeds/data/${f}: ${result.errors[0]?.message ?? 'invalid'} (line ${result.errors[0]?.line})`);
      rows.push(...result.rows);
    }
    return { rows, label: `seeds/data (${files.length} files, ${rows.length} rows)` };
  }
  const { syntheticObservations } = await import('../test/synthetic');
  const rows = syntheticObservations({ structure: labour.defaultStructure() });
  return { rows, label: `synthetic (${rows.length} rows)` };
}

/** Time recomputeProvince over every province and scenario; 'n/a' when the labour model is unavailable. */
export async function timeScenario(): Promise<ScenarioTiming | 'n/a'> {
  let labour: Labour;
  try {
    labour = await import('../src/index');
  } catch (err) {
    console.warn(`scenario timing: models/src/labour did not load (${err instanceof Error ? err.message : String(err)})`);
    return 'n/a';
  }
  if (typeof labour.recomputeProvince !== 'function' || typeof labour.computeBase !== 'function') return 'n/a';
  let rows: Observation[];
  let label: string;
  let base: ReturnType<Labour['computeBase']>;
  let t0 = performance.now();
  try {
    ({ rows, label } = await loadObservations(labour));
    t0 = performance.now();
    base = labour.computeBase(rows);
  } catch (err) {
    console.warn(`scenario timing: could not build the base projection (${err instanceof Error ? err.message : String(err)})`);
    return 'n/a';
  }
  const baseMs = performance.now() - t0;
  const provinces = labour.PROVINCES.map((p) => p.code);
  const scenarios = labour.SCENARIOS;
  // Warm-up: the first calls include JIT compilation.
  for (const s of scenarios) labour.recomputeProvince(base, provinces[0]!, s);
  const times: number[] = [];
  for (const s of scenarios) {
    for (const p of provinces) {
      t0 = performance.now();
      labour.recomputeProvince(base, p, s);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)]!,
    p95Ms: times[Math.floor(times.length * 0.95)]!,
    maxMs: times[times.length - 1]!,
    baseMs,
    provinces: provinces.length,
    scenarios: scenarios.length,
    data: label,
  };
}
