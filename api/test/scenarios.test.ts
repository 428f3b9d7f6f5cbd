/**
 * Planners' scenarios (issue 13 §1) through app.request(), on PGlite and PostgreSQL: validation
 * naming each parameter, ids derived from the parameters, reads with scenario=<id>, expiry.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends } from './backends';
import { getJson, startTestApp, type TestApp } from './harness';
import { scenariosOf } from '../src/deps';

const backends = await testBackends();

describe.each(backends)('scenarios on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });
  const post = async (body: unknown) => {
    const res = await t.app.request('/api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
  };
  const stored = async () => {
    const r = await t.database.db.execute(sql`select count(*)::int as n from scenarios`);
    return Number((r as unknown as { rows: { n: number }[] }).rows[0].n);
  };

  it('lists the levers with units, ranges and defaults, the presets as parameter sets, and the baseline', async () => {
    const r = await getJson(t.app, '/api/scenarios');
    expect(r.status).toBe(200);
    const names = r.body.specs.map((s: any) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'valueAddedGrowth',
        'trainingOutputChange',
        'participationChange',
        'retirementAge',
        'newFieldBoost',
        'productivityGrowthChange',
        'entryRate',
      ]),
    );
    for (const s of r.body.specs) expect(s.min).toBeLessThan(s.max);
    expect(r.body.presets.find((p: any) => p.id === 'baseline').parameters).toEqual({});
    expect(r.body.presets.find((p: any) => p.id === 'high-growth').parameters.valueAddedGrowthChange['*']).toBe(1);
    expect(r.body.baseline).toMatchObject({
      baseYear: 2024,
      horizon: 10,
      entryRate: expect.any(Number),
      graduates: expect.objectContaining({ college: expect.any(Number) }),
    });
  });

  it('reading the levers does not fit the engine; POST /api/scenarios/engine does, once', async () => {
    // Every page with a closed builder reads the levers: that must not cost seconds of CPU.
    for (let i = 0; i < 3; i++) expect((await getJson(t.app, '/api/scenarios')).body.engine).toBe('idle');
    const warm = async () => {
      const res = await t.app.request('/api/scenarios/engine', { method: 'POST' });
      return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as any };
    };
    const first = await warm();
    expect(first).toMatchObject({ status: 202, cache: 'no-store', body: { engine: 'warming' } });
    await vi.waitFor(async () => expect((await warm()).body.engine).toBe('ready'), { timeout: 60_000, interval: 50 });
    expect((await getJson(t.app, '/api/scenarios')).body.engine).toBe('ready');
  });

  it('creates a scenario, answers 201 with its id, and the same parameters give the same id', async () => {
    const body = { trainingOutputChange: { college: 20 }, valueAddedGrowthChange: { C: 2 } };
    const a = await post(body);
    expect(a.status).toBe(201);
    expect(a.body.id).toMatch(/^u-[0-9a-f]{16}$/);
    expect(a.body.parameters).toEqual({ trainingOutputChange: { college: 20 }, valueAddedGrowthChange: { C: 2 } });
    // Key order and zero entries do not change the id.
    const b = await post({ valueAddedGrowthChange: { C: 2, F: 0 }, trainingOutputChange: { college: 20 } });
    expect(b.body.id).toBe(a.body.id);
    const other = await post({ trainingOutputChange: { college: 21 } });
    expect(other.body.id).not.toBe(a.body.id);
    // A preset's parameters are the preset.
    expect((await post({ targetAttainment: 100 })).body.id).toBe('targets-met');
    expect((await post({})).body.id).toBe('baseline');
    const info = await getJson(t.app, `/api/scenarios/${a.body.id}`);
    expect(info.body).toMatchObject({ id: a.body.id, preset: false, parameters: a.body.parameters });
  });

  it('serves every read route for a created scenario, with its own figures', async () => {
    const {
      body: { id },
    } = await post({ trainingOutputChange: { ALL: 50 }, valueAddedGrowthChange: { C: 3 } });
    const base = await getJson(t.app, '/api/gaps?region=VN&horizon=5&sector=C&qualification=college');
    const scen = await getJson(t.app, `/api/gaps?region=VN&horizon=5&sector=C&qualification=college&scenario=${id}`);
    expect(scen.status).toBe(200);
    expect(scen.body.scenario).toBe(id);
    const b = base.body.rows[0];
    const s = scen.body.rows[0];
    expect(s.newSupply).toBeGreaterThan(b.newSupply);
    expect(s.employmentEnd).toBeGreaterThanOrEqual(b.employmentEnd);
    const f = await getJson(t.app, `/api/forecasts?indicator=employment&region=VN&sector=C&qualification=ALL&scenario=${id}`);
    expect(f.status).toBe(200);
    expect(f.body.scenario).toBe(id);
    // A scenario changes the future, not the past: its history is the baseline's.
    const fb = await getJson(t.app, '/api/forecasts?indicator=employment&region=VN&sector=C&qualification=ALL');
    expect(f.body.history.length).toBeGreaterThan(0);
    expect(f.body.history).toEqual(fb.body.history);
    expect(f.body.forecast).not.toEqual(fb.body.forecast);
    expect((await getJson(t.app, `/api/targets?scenario=${id}`)).status).toBe(200);
    const csv = await t.app.request(`/api/export.csv?view=gaps&region=VN&horizon=5&scenario=${id}`);
    expect(csv.status).toBe(200);
    const baseCsv = await (await t.app.request('/api/export.csv?view=gaps&region=VN&horizon=5')).text();
    expect(await csv.text()).not.toBe(baseCsv);
  });

  it('takes graduate mobility: national new supply unchanged, the supply note names the scenario assumption', async () => {
    // The fixture is national only (graduates already shared like jobs): the lever moves nothing
    // here; models/src/labour/recompute.test.ts checks how it moves supply between provinces.
    const {
      status,
      body: { id, parameters },
    } = await post({ graduateMobility: 40 });
    expect(status).toBe(201);
    expect(parameters).toEqual({ graduateMobility: 40 });
    const gapsOf = async (scenario: string) => (await getJson(t.app, `/api/gaps?region=VN&horizon=5${scenario}`)).body;
    const [before, after] = [await gapsOf(''), await gapsOf(`&scenario=${id}`)];
    const total = (b: any) => b.rows.find((r: any) => r.sector === 'TOTAL' && r.qualification === 'ALL').newSupply;
    expect(total(after)).toBe(total(before));
    const note = (b: any) => b.assumptions.sources.find((n: any) => n.id === 'new-supply').en as string;
    expect(note(after)).toContain('This scenario assumes 40 % of graduates work outside the province where they studied');
    expect(note(before)).toContain('where the data place them');
  });

  it('recomputes a stored scenario that is not in memory (another instance, a restart, a new version)', async () => {
    const {
      body: { id },
    } = await post({ exitRateChange: -20 });
    // Drop it from the served snapshot by filling the in-memory slots with other scenarios.
    for (const k of [1, 2, 3, 4, 5]) await post({ exitRateChange: k });
    const r = await getJson(t.app, `/api/gaps?region=VN&horizon=3&scenario=${id}`);
    expect(r.status).toBe(200);
    expect(r.body.scenario).toBe(id);
  });

  it('refuses bad parameters with 400 naming each one, and stores nothing', async () => {
    const before = await stored();
    const r = await post({
      valueAddedGrowth: { C: 99, Z: 3 },
      trainingOutputChange: { college: 'x' },
      retirementAge: { M: { target: 61 } },
      nonsense: 1,
    });
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    const paths = r.body.errors.map((e: any) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['valueAddedGrowth.C', 'valueAddedGrowth.Z', 'trainingOutputChange.college', 'retirementAge.M.target', 'nonsense']),
    );
    // A lever the data cannot move (the fixture has no value added, no population) is named too.
    const va = await post({ valueAddedGrowth: { C: 8 } });
    expect(va.status).toBe(400);
    expect(va.body.errors[0].path).toBe('valueAddedGrowth.C');
    const part = await post({ participationChange: { 'F:25-49': 3 } });
    expect(part.status).toBe(400);
    expect(part.body.errors[0].path).toBe('participationChange');
    const malformed = await t.app.request('/api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(malformed.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('answers 400 for an unknown scenario on reads and 404 for an unknown id', async () => {
    const r = await getJson(t.app, '/api/gaps?scenario=u-0123456789abcdef');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'scenario', expected: expect.arrayContaining(['baseline']) });
    expect((await getJson(t.app, '/api/scenarios/u-0123456789abcdef')).status).toBe(404);
    expect((await getJson(t.app, '/api/gaps?scenario=nope')).status).toBe(400);
  });

  it('expires the least recently used scenarios beyond the maximum, and never changes the data version', async () => {
    const version = (await getJson(t.app, '/api/health')).body.dataVersion.id;
    const service = scenariosOf({ database: t.database, store: t.store } as never);
    (service as unknown as { maxStored: number }).maxStored = 3;
    const {
      body: { id: first },
    } = await post({ exitRateChange: 30 });
    for (const k of [31, 32, 33]) await post({ exitRateChange: k });
    await service.expire();
    expect(await stored()).toBeLessThanOrEqual(3);
    // The app's own service (another instance of the class) sees the row gone.
    expect((await getJson(t.app, `/api/scenarios/${first}`)).status).toBe(404);
    expect((await getJson(t.app, '/api/health')).body.dataVersion.id).toBe(version);
  });
});

describe('scenario rate limit', () => {
  it('answers 429 after SCENARIO_RATE_LIMIT requests a minute from one client; reads stay free', async () => {
    const before = process.env.SCENARIO_RATE_LIMIT;
    process.env.SCENARIO_RATE_LIMIT = '2';
    const t = await startTestApp(backends[0]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.app.request('/api/scenarios', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ exitRateChange: 10 + i }),
        });
        statuses.push(res.status);
        if (res.status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      }
      expect(statuses).toEqual([201, 201, 429, 429]);
      expect((await t.app.request('/api/gaps?region=VN&horizon=1')).status).toBe(200);
    } finally {
      if (before === undefined) delete process.env.SCENARIO_RATE_LIMIT;
      else process.env.SCENARIO_RATE_LIMIT = before;
      await t.close();
    }
  });
});
