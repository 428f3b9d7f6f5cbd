/**
 * Planners' scenarios (issue 13 §1): validation, ids derived from the normalised parameters,
 * storage in the `scenarios` table (bounded: least recently used expire), and computing a
 * scenario on the served version the first time it is read there. Services know no HTTP: bad
 * input throws DomainError/ForecastError, which onError maps.
 */
import { createHash } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { PRESETS, canonicalParameters, parseScenarioParameters, type ScenarioParameters } from '@lmo/models/labour';
import type { Db } from '../db/client';
import { scenarios } from '../db/schema';
import { DomainError, invalidRequest } from '../domain-error';
import type { ScenarioEngine } from './scenario-engine';
import type { Snapshot } from './results-snapshot';

/** A stored or preset scenario. */
export interface ScenarioInfo {
  id: string;
  parameters: ScenarioParameters;
  preset: boolean;
  nameVi?: string;
  nameEn?: string;
}

/** Ids of planners' scenarios: `u-` and 16 hex digits of sha256(canonical parameters). */
export const USER_SCENARIO_ID = /^u-[0-9a-f]{16}$/;

const presetByCanonical = new Map(PRESETS.map((p) => [canonicalParameters(p.parameters), p]));

const label = (id: string) => ({
  id,
  nameVi: 'Kịch bản tự tạo',
  nameEn: 'Custom scenario',
  description: { vi: 'Kịch bản do người dùng đặt tham số.', en: 'A scenario with parameters set by a user.' },
});

export interface ScenarioServiceOptions {
  /** Stored scenarios kept (least recently used beyond it are deleted); default 500 (the app passes LMO_MAX_SCENARIOS). */
  maxStored?: number;
  /** How often one scenario's last-used time is written at most (ms). */
  touchEveryMs?: number;
}

/** The scenario service of one instance. */
export class ScenarioService {
  private readonly computing = new Map<string, Promise<void>>();
  private readonly touched = new Map<string, number>();
  private readonly maxStored: number;
  private readonly touchEveryMs: number;

  constructor(
    private readonly db: Db,
    readonly engine: ScenarioEngine,
    options: ScenarioServiceOptions = {},
  ) {
    this.maxStored = options.maxStored ?? 500;
    this.touchEveryMs = options.touchEveryMs ?? 60_000;
  }

  /** Validated, normalised parameters and their id (a preset's own id for a preset's parameters). Throws a 400 naming every bad parameter. */
  identify(input: unknown): { id: string; parameters: ScenarioParameters; preset: boolean } {
    const r = parseScenarioParameters(input);
    if (!r.ok)
      throw invalidRequest(
        `${r.issues.length} scenario parameter${r.issues.length === 1 ? ' is' : 's are'} invalid: ${r.issues.map((i) => i.path).join(', ')}.`,
        r.issues,
      );
    const canonical = canonicalParameters(r.parameters);
    const preset = presetByCanonical.get(canonical);
    if (preset) return { id: preset.id, parameters: r.parameters, preset: true };
    return { id: `u-${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`, parameters: r.parameters, preset: false };
  }

  /**
   * Validates, computes on the served version (so a lever the data cannot move fails before
   * anything is stored), then stores the parameters. Same parameters, same id.
   */
  async create(snap: Snapshot, input: unknown): Promise<{ id: string; parameters: ScenarioParameters }> {
    const { id, parameters, preset } = this.identify(input);
    if (preset) return { id, parameters };
    await this.compute(snap, id, parameters);
    await this.db
      .insert(scenarios)
      .values({ id, parameters })
      .onConflictDoUpdate({ target: scenarios.id, set: { lastUsedAt: sql`now()` } });
    this.touched.set(id, performance.now());
    // Expiry is housekeeping: the answer does not wait for it.
    void this.expire().catch(() => {});
    return { id, parameters };
  }

  /** A preset or stored scenario, or null. */
  async find(id: string): Promise<ScenarioInfo | null> {
    const preset = PRESETS.find((p) => p.id === id);
    if (preset) return { id, parameters: preset.parameters, preset: true, nameVi: preset.nameVi, nameEn: preset.nameEn };
    if (!USER_SCENARIO_ID.test(id)) return null;
    const [row] = await this.db.select({ parameters: scenarios.parameters }).from(scenarios).where(eq(scenarios.id, id));
    if (!row) return null;
    const { nameVi, nameEn } = label(id);
    return { id, parameters: row.parameters as ScenarioParameters, preset: false, nameVi, nameEn };
  }

  /**
   * Makes `scenario` readable on `snap`: presets always are; a stored scenario is computed on the
   * version the first time it is read there. Throws the 400 "unknown scenario" problem otherwise.
   */
  async ensure(snap: Snapshot, scenario: string): Promise<void> {
    if (snap.outlooks.has(scenario)) {
      if (USER_SCENARIO_ID.test(scenario)) void this.touch(scenario);
      return;
    }
    const info = USER_SCENARIO_ID.test(scenario) ? await this.find(scenario) : null;
    if (!info) throw unknownScenario(snap, scenario);
    await this.compute(snap, scenario, info.parameters);
    void this.touch(scenario);
  }

  private compute(snap: Snapshot, id: string, parameters: ScenarioParameters): Promise<void> {
    if (snap.outlooks.has(id)) return Promise.resolve();
    const key = `${snap.version.id}|${id}`;
    let pending = this.computing.get(key);
    if (!pending) {
      pending = this.engine
        .run(snap.version.id, { id, parameters, label: label(id) })
        .then((chunks) => snap.addScenario(id, chunks))
        .finally(() => this.computing.delete(key));
      this.computing.set(key, pending);
    }
    return pending;
  }

  /** Records a read, at most once per `touchEveryMs` per scenario (a write per read would be wasteful). */
  private async touch(id: string): Promise<void> {
    const now = performance.now();
    if (now - (this.touched.get(id) ?? -Infinity) < this.touchEveryMs) return;
    this.touched.set(id, now);
    if (this.touched.size > 10_000) this.touched.clear();
    await this.db
      .update(scenarios)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(scenarios.id, id))
      .catch(() => {});
  }

  /** Deletes the least recently used scenarios beyond `maxStored`. */
  async expire(): Promise<number> {
    const [{ n }] = await this.db.select({ n: sql<number>`count(*)::int` }).from(scenarios);
    if (n <= this.maxStored) return 0;
    const old = await this.db
      .select({ id: scenarios.id })
      .from(scenarios)
      .orderBy(asc(scenarios.lastUsedAt), asc(scenarios.createdAt))
      .limit(n - this.maxStored);
    if (old.length)
      await this.db.delete(scenarios).where(
        inArray(
          scenarios.id,
          old.map((r) => r.id),
        ),
      );
    return old.length;
  }
}

/** The UNKNOWN_CODE error (400) for a scenario that is neither a preset nor stored. */
export function unknownScenario(snap: Snapshot, scenario: string): DomainError {
  const expected = [...snap.outlooks.keys()].filter((k) => !USER_SCENARIO_ID.test(k));
  return new DomainError('UNKNOWN_CODE', `Unknown scenario '${scenario}'. Valid scenarios: ${expected.join(', ')}, or an id from POST /api/scenarios.`, {
    errors: [{ path: 'scenario', message: `unknown scenario '${scenario}'`, expected }],
  });
}
