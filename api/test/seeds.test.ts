/**
 * The real committed seeds, once: the first start loads them through the ingest
 * path, a second start on the same data dir loads nothing, and the outlook of
 * the seeded version serves a national forecast.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { Database } from '../src/db/client';
import { datasetVersions, observations } from '../src/db/schema';
import { computeSystemBacktest } from '../src/services/compute';
import { ResultsStore } from '../src/services/results-store';
import { startDatabase } from '../src/services/startup';
import { uploadLongCsv } from './harness';

const dataDir = mkdtempSync(join(tmpdir(), 'lmo-seeds-'));
// The second start stays open for the route checks (opening an on-disk PGlite is not free).
let reopened: Database | undefined;
afterAll(async () => {
  await reopened?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('real seeds on an on-disk PGlite', () => {
  it('load on the first start only', async () => {
    const first = await startDatabase({ kind: 'pglite', dataDir });
    expect(first.seed?.action).toBe('loaded');
    const rows = (await first.database.db.select({ n: count() }).from(observations))[0].n;
    expect(rows).toBeGreaterThan(1000);
    expect(first.seed?.version.rowCount).toBe(rows);
    await first.database.close();

    const second = await startDatabase({ kind: 'pglite', dataDir });
    reopened = second.database;
    expect(second.seed).toMatchObject({ action: 'present', version: { id: first.seed!.version.id } });
    expect((await second.database.db.select({ n: count() }).from(observations))[0].n).toBe(rows);
    expect((await second.database.db.select({ n: count() }).from(datasetVersions))[0].n).toBe(1);
  }, 120_000);

  it('serve sourced national figures and a forecast with intervals', async () => {
    const database = reopened!;
    const app = createApp({ database, store: new ResultsStore(database.db), webDist: null });
    const series = await (await app.request('/api/series?indicator=employment&region=VN&sector=TOTAL&qualification=ALL')).json();
    expect(series.periods.length).toBeGreaterThan(5);
    expect(series.status).toContain('official');
    expect(series.source.every((s: string) => s.length > 0)).toBe(true);
    const res = await app.request('/api/forecasts?indicator=employment&region=VN&sector=TOTAL&qualification=ALL&horizon=10');
    expect(res.status).toBe(200);
    const f = await res.json();
    expect(f.forecast.mean).toHaveLength(10);
    expect(f.forecast.intervals.map((i: any) => i.level)).toEqual([80, 95]);
    // Every served modelled figure names the statuses it rests on; the national total rests on official data.
    expect(f.basis).toContain('official');
    const gaps = await (await app.request('/api/gaps?region=01&horizon=5')).json();
    expect(gaps.rows.length).toBeGreaterThan(0);
    for (const row of gaps.rows) expect(row.basis.length).toBeGreaterThan(0);
    expect(gaps.basis.length).toBeGreaterThan(0);
    const targets = await (await app.request('/api/targets')).json();
    expect(targets.targets.map((t: any) => t.field)).toContain('semiconductors');
    for (const t of targets.targets) expect(t.dataBasis.length).toBeGreaterThan(0);
    // The data-levels table is derived from the seeds: national totals are official.
    const meta = await (await app.request('/api/meta')).json();
    expect(meta.dataLevels.find((d: any) => d.level === 'national-total' && d.status === 'official')).toMatchObject({
      sources: expect.any(Array),
      firstYear: expect.any(Number),
    });
    const levelStatuses = meta.dataLevels.map((d: any) => d.status);
    for (const s of levelStatuses) expect(['official', 'international', 'survey', 'modelled', 'illustrative']).toContain(s);
    // Agriculture shows GSO's old-basis table to 2016 as published beside back-cast values: the
    // step between them is declared as a change of basis, where it happens.
    const agri = await (await app.request('/api/forecasts?indicator=employment&region=VN&sector=A&qualification=ALL&horizon=10')).json();
    const change = agri.basisChanges?.[0];
    expect(change).toMatchObject({ breakPeriod: '2021', toNew: true });
    const at = agri.history.findIndex((h: any) => h.period === change.period);
    expect(agri.history[at - 1]).toMatchObject({ period: change.previous, status: 'official' });
    expect(agri.history[at].status).not.toBe('official');
    // The official rate is of the working-age labour force, the system's of everyone 15+: both are
    // served for the last history year, and the system's is 1 − employment ÷ labour force.
    const get = async (indicator: string) =>
      (await app.request(`/api/forecasts?indicator=${indicator}&region=VN&sector=TOTAL&qualification=ALL&horizon=10`)).json();
    const [rate, lf, emp] = [await get('unemployment_rate'), await get('labour_force'), await get('employment')];
    const d = rate.rateDefinition;
    expect(d.history).toBe(rate.history.at(-1).value);
    const value = (f: any) => f.history.find((h: any) => h.period === d.period).value;
    expect(d.forecast).toBeCloseTo(100 * (1 - value(emp) / value(lf)), 1);
    expect(Math.abs(d.forecast - d.history)).toBeGreaterThan(0.01);
  }, 180_000);

  it('tell one story: national new supply is the labour force’s entrants, and the national imbalance is the change in unemployment', async () => {
    const database = reopened!;
    const app = createApp({ database, store: new ResultsStore(database.db), webDist: null });
    const gaps = await (await app.request('/api/gaps?region=VN&horizon=10')).json();
    const total = gaps.rows.find((r: any) => r.sector === 'TOTAL' && r.qualification === 'ALL');
    const entrants = gaps.assumptions.newSupply.lfEntrants.slice(0, 10).reduce((a: number, b: number) => a + b, 0);
    // Every entrant counted as new supply is one of the system's labour-force entrants (cells are rounded to persons).
    expect(Math.abs(total.newSupply - entrants)).toBeLessThan(1000);
    const level = async (indicator: string) => {
      const f = await (await app.request(`/api/forecasts?indicator=${indicator}&region=VN&sector=TOTAL&qualification=ALL&horizon=10`)).json();
      return { base: f.history.find((h: any) => h.period === String(gaps.baseYear)).value as number, end: f.forecast.mean[9] as number };
    };
    const [lf, emp] = [await level('labour_force'), await level('employment')];
    const unemployedChange = lf.end - emp.end - (lf.base - emp.base);
    // new supply − openings = Δ(labour force − employment) + (labour-force exits − employment exits):
    // the last term (exits of the unemployed) is small, so a gap of 1 % of the labour force means two systems.
    expect(Math.abs(total.imbalance - unemployedChange)).toBeLessThan(0.01 * lf.base);
  }, 60_000);
});

describe('the system backtest of an uploaded version', () => {
  it('is refitted on the version’s own data; the seed version serves the committed one', async () => {
    const database = reopened!;
    const store = new ResultsStore(database.db, { recheckMs: 0, systemBacktest: (db, id) => computeSystemBacktest(db, id) });
    const app = createApp({ database, store, webDist: null });
    const seeded = (await (await app.request('/api/accuracy')).json()).system;
    expect(seeded).toMatchObject({ appliesToServedVersion: true, computedOn: 'seeds' });
    expect(seeded.pending).toBeUndefined();

    const up = await uploadLongCsv(app, database, 'unemployment_rate_youth,2025,01,TOTAL,ALL,6.5,percent,Test upload (synthetic; not official),survey\n');
    expect(up.status).toBe(201);
    // Served at once; its backtest runs in the background, and the page says so meanwhile (an answer not cached).
    const first = await app.request('/api/accuracy');
    expect((await first.json()).system).toMatchObject({ pending: true, appliesToServedVersion: false, computedOn: 'seeds' });
    expect(first.headers.get('etag')).toBeNull();
    await store.settled();
    const body = await (await app.request('/api/accuracy')).json();
    expect(body.dataVersion).toBe((await up.json()).version.id);
    expect(body.system).toMatchObject({ appliesToServedVersion: true, computedOn: 'version' });
    expect(body.system.pending).toBeUndefined();
    expect(body.system.source).toContain(`dataset version ${body.dataVersion}`);
    // One row of a youth rate in one province leaves the national series alone: the same scores, refitted.
    expect(body.system.rolling.employment.system.mase).toBeCloseTo(seeded.rolling.employment.system.mase, 2);
    expect(body.system.rolling.labourForce.system.mase).toBeCloseTo(seeded.rolling.labourForce.system.mase, 2);
  }, 120_000);
});

describe('seed rows handed in by a caller', () => {
  it('are checked by the long-format rules: a bad row fails the start with INVALID_SEED_DATA and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lmo-seeds-bad-'));
    const bad = [
      {
        indicator: 'labour_force',
        period: '2024',
        region: 'VN',
        sector: 'TOTAL',
        qualification: 'ALL',
        value: -5,
        unit: 'persons',
        source: 'GSO',
        status: 'official',
      },
    ];
    try {
      await expect(startDatabase({ kind: 'pglite', dataDir: dir }, { seedRows: bad })).rejects.toMatchObject({ code: 'INVALID_SEED_DATA' });
      const again = await startDatabase({ kind: 'pglite', dataDir: dir }, { seed: false });
      try {
        expect((await again.database.db.select({ n: count() }).from(datasetVersions))[0].n).toBe(0);
      } finally {
        await again.database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
