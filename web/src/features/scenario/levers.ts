/**
 * The builder's levers: which parts of a scenario's parameters the panel shows, how each
 * lever reads and writes its value in a parameter object, and which lever a 400 problem
 * path (`valueAddedGrowth.C`) belongs to. Ranges come from PARAMETER_SPECS (models), so a
 * range is written once.
 */
import {
  FIELD_KEYS,
  PARTICIPATION_KEYS,
  RETIREMENT_LIMITS,
  specOf,
  TRAINING_KEYS,
  VALUE_ADDED_CHANGE_KEYS,
  VALUE_ADDED_KEYS,
  type ParameterName,
  type ParameterUnit,
} from '@lmo/models/labour';
import type { ScenarioBaseline, ScenarioParameters } from '../../api/types';

export const LEVER_GROUPS = ['economy', 'supply', 'training', 'fields'] as const;
export type LeverGroup = (typeof LEVER_GROUPS)[number];

/** One control of the builder. */
export interface Lever {
  /** The parameter path joined with dots, e.g. `valueAddedGrowth.C`, `retirementAge.M.target`. */
  id: string;
  path: readonly string[];
  spec: ParameterName;
  /** The spec key (section, level, field, sex × age) or the sex of a retirement lever. */
  key?: string;
  group: LeverGroup;
  unit: ParameterUnit;
  min: number;
  max: number;
  step: number;
  /** `number` levers have no slider (a year or a count of months that has no neutral value). */
  kind: 'slider' | 'number';
}

/** Broad sectors always shown; the chosen section is added beside them. */
export const BROAD_KEYS = ['A', 'B-F', 'G-U'] as const;
/** The section the builder starts with (manufacturing: the FDI question planners ask first). */
export const DEFAULT_SECTION = 'C';

function lever(spec: ParameterName, group: LeverGroup, key?: string, extra: Partial<Lever> = {}): Lever {
  const s = specOf(spec);
  const path = extra.path ?? (key === undefined ? [spec] : [spec, key]);
  return { id: path.join('.'), path, spec, key, group, unit: s.unit, min: s.min, max: s.max, step: s.step, kind: 'slider', ...extra };
}

/** Retirement: the target age (at least the 2019 Labour Code's final age) and its step-up path. */
function retirementLevers(sex: 'M' | 'F'): Lever[] {
  const floor = sex === 'M' ? 62 : 60;
  return [
    lever('retirementAge', 'supply', sex, { path: ['retirementAge', sex, 'target'], min: floor }),
    lever('retirementAge', 'supply', sex, { path: ['retirementAge', sex, 'startYear'], unit: 'year', ...RETIREMENT_LIMITS.startYear, step: 1, kind: 'number' }),
    lever('retirementAge', 'supply', sex, {
      path: ['retirementAge', sex, 'stepMonths'],
      unit: 'months',
      ...RETIREMENT_LIMITS.stepMonths,
      step: 1,
      kind: 'number',
    }),
  ];
}

/** The keys of `all` that are wanted, in `all`'s order. */
const pickKeys = (all: readonly string[], wanted: readonly string[]) => all.filter((k) => wanted.includes(k));

/**
 * Every lever, in the panel's order. Growth is shown for the broad sectors, the chosen `section`
 * and every other sector or field the parameter set already names (a preset's priorities, a
 * shared link), so nothing a scenario contains is hidden from the panel.
 */
export function leversFor(section: string = DEFAULT_SECTION, params?: ScenarioParameters): Lever[] {
  const named = (name: 'valueAddedGrowth' | 'valueAddedGrowthChange') => Object.keys(params?.[name] ?? {});
  const growth = pickKeys(VALUE_ADDED_KEYS, [...BROAD_KEYS, section, ...named('valueAddedGrowth')]);
  const change = pickKeys(VALUE_ADDED_CHANGE_KEYS, ['*', section, ...named('valueAddedGrowthChange')]);
  const isField = (k: string) => FIELD_KEYS.includes(k as never);
  return [
    ...growth.map((k) => lever('valueAddedGrowth', 'economy', k)),
    ...change.filter((k) => !isField(k)).map((k) => lever('valueAddedGrowthChange', 'economy', k)),
    lever('productivityGrowthChange', 'economy'),
    ...PARTICIPATION_KEYS.map((k) => lever('participationChange', 'supply', k)),
    ...retirementLevers('M'),
    ...retirementLevers('F'),
    lever('exitRateChange', 'supply'),
    ...TRAINING_KEYS.map((k) => lever('trainingOutputChange', 'training', k)),
    lever('entryRate', 'training'),
    lever('graduateMobility', 'training'),
    ...FIELD_KEYS.map((k) => lever('newFieldBoost', 'fields', k)),
    lever('targetAttainment', 'fields'),
    ...change.filter(isField).map((k) => lever('valueAddedGrowthChange', 'fields', k)),
  ];
}

type Loose = Record<string, unknown>;

function at(params: unknown, path: readonly string[]): unknown {
  let node = params;
  for (const part of path) node = node && typeof node === 'object' ? (node as Loose)[part] : undefined;
  return node;
}

/**
 * The lever's value in a parameter set, or undefined when the set leaves it at the baseline.
 * A per-period value (`{ "2026-2030": 8, "2031-2035": 6 }`) reads as its mean.
 */
export function readLever(params: ScenarioParameters | undefined, l: Lever): number | undefined {
  const v = at(params, l.path);
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') {
    const values = Object.values(v as Loose).filter((x): x is number => typeof x === 'number');
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
  }
  return undefined;
}

/**
 * What the lever means when the set leaves it alone: the baseline forecast's value for levers
 * whose default differs by key (value-added growth, the statutory retirement age, the entry
 * rate), else the spec's neutral default (0). Null when unknown (no baseline served yet).
 */
export function baselineValue(l: Lever, baseline: ScenarioBaseline | null | undefined): number | null {
  if (l.spec === 'valueAddedGrowth') return baseline?.valueAddedGrowth?.[l.key!] ?? null;
  if (l.spec === 'retirementAge') return l.path[2] === 'target' ? (baseline?.retirementAge?.[l.key as 'M' | 'F'] ?? (l.key === 'M' ? 62 : 60)) : null;
  if (l.spec === 'entryRate') return baseline?.entryRate ?? null;
  const d = specOf(l.spec).default;
  return Number.isFinite(d) ? d : null;
}

/**
 * A reference figure the panel shows beside a relative lever, so "+20 %" has a base: graduates a
 * year for a training level, base-year workers for a new field, the base-year participation rate.
 */
export function referenceOf(l: Lever, baseline: ScenarioBaseline | null | undefined): { value: number; unit: 'graduates-per-year' | 'workers' | 'pct' } | null {
  if (!baseline) return null;
  if (l.spec === 'trainingOutputChange') {
    const g = baseline.graduates ?? {};
    const value = l.key === 'ALL' ? Object.values(g).reduce((a, b) => a + b, 0) : g[l.key!];
    return typeof value === 'number' ? { value, unit: 'graduates-per-year' } : null;
  }
  if (l.spec === 'newFieldBoost') return typeof baseline.newFields?.[l.key!] === 'number' ? { value: baseline.newFields[l.key!]!, unit: 'workers' } : null;
  if (l.spec === 'participationChange')
    return typeof baseline.participation?.[l.key!] === 'number' ? { value: baseline.participation[l.key!]!, unit: 'pct' } : null;
  return null;
}

const same = (a: number, b: number | null) => b !== null && Math.abs(a - b) < 1e-9;

function clone(params: ScenarioParameters | undefined): Loose {
  return JSON.parse(JSON.stringify(params ?? {})) as Loose;
}

/** Deletes `path` and then every parent object it leaves empty. */
function remove(root: Loose, path: readonly string[]): void {
  const parents: Loose[] = [root];
  for (const part of path.slice(0, -1)) {
    const next = parents[parents.length - 1]![part];
    if (!next || typeof next !== 'object') return;
    parents.push(next as Loose);
  }
  delete parents[parents.length - 1]![path[path.length - 1]!];
  for (let i = path.length - 2; i >= 0; i--) {
    const child = parents[i + 1]!;
    if (Object.keys(child).length === 0) delete parents[i]![path[i]!];
  }
}

/**
 * A new parameter set with the lever at `value`. `undefined`, or the baseline value, removes
 * it, so an untouched lever never pins the baseline into the scenario (its id stays the preset's).
 * A retirement path needs its target: start year and months a year are ignored without one, and
 * removing the target removes the path.
 */
export function writeLever(params: ScenarioParameters | undefined, l: Lever, value: number | undefined, baseline: number | null): ScenarioParameters {
  const out = clone(params);
  const isTarget = l.spec === 'retirementAge' && l.path[2] === 'target';
  const isPathPart = l.spec === 'retirementAge' && !isTarget;
  if (value === undefined || !Number.isFinite(value) || (!isPathPart && same(value, baseline))) {
    remove(out, isTarget ? l.path.slice(0, 2) : l.path);
    return out as ScenarioParameters;
  }
  if (isPathPart && at(out, [...l.path.slice(0, 2), 'target']) === undefined) return out as ScenarioParameters;
  let node = out;
  for (const part of l.path.slice(0, -1)) {
    if (!node[part] || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Loose;
  }
  node[l.path[l.path.length - 1]!] = value;
  return out as ScenarioParameters;
}

/**
 * The lever a problem path belongs to: the lever itself, a lever the path lies under
 * (`valueAddedGrowth.C.2026-2030`), or the first lever under it (`retirementAge.M` → its target).
 */
export function leverOfPath(path: string, levers: readonly Lever[]): Lever | undefined {
  return (
    levers.find((l) => l.id === path) ??
    [...levers].sort((a, b) => b.id.length - a.id.length).find((l) => path.startsWith(`${l.id}.`)) ??
    levers.find((l) => l.id.startsWith(`${path}.`))
  );
}

/** Stable JSON (sorted keys) of a parameter set, to tell whether a draft differs from what is applied. */
export function parametersKey(params: ScenarioParameters | undefined): string {
  const sort = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as Loose)
            .sort()
            .map((k) => [k, sort((v as Loose)[k])]),
        )
      : v;
  return JSON.stringify(sort(params ?? {}));
}
