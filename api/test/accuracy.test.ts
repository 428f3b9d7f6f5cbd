/**
 * GET /api/accuracy (issue 16 §5): the methodology page's backtest report in one answer, from the
 * version's stored results; each series equals its forecast's stored accuracy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { accuracySchema } from '../src/http/schemas-accuracy';
import { computeSystemBacktest } from '../src/services/compute';
import { ResultsStore } from '../src/services/results-store';
import { accuracyMeans, type SeriesAccuracy } from '../src/services/accuracy';
import { testBackends } from './backends';
import { getJson, startTestApp, uploadLongCsv, type TestApp } from './harness';

const [backend] = await testBackends();

describe('accuracy report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend!);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves each national series with the accuracy its forecast carries, the means over them, and the stored tiers', async () => {
    const r = await getJson(t.app, '/api/accuracy');
    expect(r.status).toBe(200);
    const body = r.body as {
      series: SeriesAccuracy[];
      means: ReturnType<typeof accuracyMeans>;
      tiers: { rows: { tier: string; cells: number }[]; failures: { total: number } } | null;
      dataVersion: number;
    };
    expect(body.series.map((s) => `${s.indicator}|${s.sector}`)).toContain('employment|TOTAL');
    expect(body.series.length).toBeGreaterThan(1);
    for (const s of body.series.slice(0, 4)) {
      const f = await getJson(t.app, `/api/forecasts?indicator=${s.indicator}&region=VN&sector=${s.sector}&qualification=ALL`);
      expect(s.accuracy).toEqual(f.body.accuracy);
      expect(s.methods).toEqual(f.body.models.map((m: { method: string }) => m.method));
    }
    expect(body.means).toEqual(accuracyMeans(body.series));
    expect(body.tiers?.rows.length).toBeGreaterThan(0);
    expect(body.tiers?.failures.total).toBeGreaterThanOrEqual(0);
  });

  it('serves the system’s own backtest, marked as not describing data other than the baseline seeds', async () => {
    const r = await getJson(t.app, '/api/accuracy');
    expect(accuracySchema.safeParse(r.body).error).toBeUndefined();
    const sys = r.body.system;
    expect(sys.design.origins.length).toBe(5);
    expect(sys.rolling.employment.system.points).toBeGreaterThan(0);
    expect(Object.keys(sys.rolling.labourForce)).toEqual(['system', 'naive', 'engine']);
    // The test app is seeded with a fixture, not the committed seed files.
    expect(sys.appliesToServedVersion).toBe(false);
    expect(sys.computedOn).toBe('seeds');
  });

  it('says why the backtest could not run on an uploaded version’s data, and does not vouch for them', async () => {
    const store = new ResultsStore(t.database.db, { recheckMs: 0, systemBacktest: (db, id) => computeSystemBacktest(db, id) });
    const app = createApp({ database: t.database, store, webDist: null });
    const up = await uploadLongCsv(app, t.database, 'employment,2024,VN,A,ALL,9800000,persons,Test upload (synthetic; not official),survey\n');
    expect(up.status).toBe(201);
    await getJson(app, '/api/accuracy'); // loads the new version, which starts its backtest
    await store.settled();
    const r = await getJson(app, '/api/accuracy');
    expect(accuracySchema.safeParse(r.body).error).toBeUndefined();
    // The fixture has no official national series to score against.
    expect(r.body.system).toMatchObject({ appliesToServedVersion: false, computedOn: 'seeds', unavailable: { code: 'NOT_ENOUGH_DATA' } });
    expect(r.body.system.unavailable.message.length).toBeGreaterThan(10);
  });
});

describe('accuracyMeans', () => {
  const s = (mase: number | null, naiveMase: number | null, coverage95: number | null = 1): SeriesAccuracy => ({
    indicator: 'employment',
    sector: 'C',
    methods: ['theta'],
    accuracy: { mase, naiveMase, smape: 1, naiveSmape: 2, coverage80: 0.8, coverage95, origins: 3 },
  });
  it('leaves out series too short to backtest and counts the series where the engine beat naive', () => {
    const m = accuracyMeans([s(0.5, 1), s(1.5, 1, 0.5), s(null, 1), s(0.7, null)]);
    expect(m.series).toBe(2);
    expect(m.meanMase).toBeCloseTo(1);
    expect(m.meanNaiveMase).toBeCloseTo(1);
    expect(m.wins).toBe(1);
    expect(m.coverage95).toBeCloseTo(0.75);
  });
  it('has no means without a backtested series', () => {
    expect(accuracyMeans([s(null, null)])).toMatchObject({ series: 0, meanMase: null, wins: 0 });
  });
});
