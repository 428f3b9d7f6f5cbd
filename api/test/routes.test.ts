/**
 * Every route through app.request(), with bad-input cases, on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eq } from 'drizzle-orm';
import { datasetVersions } from '../src/db/schema';
import { ingestObservations } from '../src/services/ingest';
import { modelFingerprint } from '../src/services/model-fingerprint';
import { testBackends } from './backends';
import { fixtureRows } from './fixture';
import { getJson, startTestApp, type TestApp } from './harness';

const backends = await testBackends();

const CELL = 'indicator=employment&region=VN&sector=C&qualification=ALL';

describe.each(backends)('routes on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = (path: string) => getJson(t.app, path);

  const expectProblem = (r: Awaited<ReturnType<typeof get>>, status: number) => {
    expect(r.status).toBe(status);
    expect(r.type).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), instance: expect.stringMatching(/^\/api\//) });
  };

  describe('GET /api/health', () => {
    it('reports the database and the current data version', async () => {
      const r = await get('/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        status: 'ok',
        database: { kind: backend.name, ok: true },
        dataVersion: { id: expect.any(Number), rowCount: fixtureRows().length },
      });
      expect(typeof r.body.ready).toBe('boolean');
    });

    it('is not ready while the stored results come from other model code (an upgrade not yet recomputed)', async () => {
      await t.store.current();
      const ready = async () => (await get('/api/health')).body.ready;
      expect(await ready()).toBe(true);
      const id = (await get('/api/health')).body.dataVersion.id;
      const stamp = (model: string) => t.database.db.update(datasetVersions).set({ resultsModel: model }).where(eq(datasetVersions.id, id));
      await stamp('older-model');
      expect(await ready()).toBe(false);
      await stamp(modelFingerprint());
      expect(await ready()).toBe(true);
    });
  });

  describe('GET /api/meta', () => {
    it('lists the 34 units with the 63-province crosswalk, new fields, scenarios and sources', async () => {
      const r = await get('/api/meta');
      expect(r.status).toBe(200);
      const provinces = r.body.regions.filter((x: any) => x.level === 'province');
      expect(provinces).toHaveLength(34);
      expect(r.body.regions.find((x: any) => x.code === 'VN')).toMatchObject({
        level: 'country',
        parent: null,
        nameVi: expect.any(String),
        nameEn: expect.any(String),
      });
      expect(r.body.formerProvinces).toHaveLength(63);
      const codes = new Set(provinces.map((p: any) => p.code));
      for (const f of r.body.formerProvinces) expect(codes.has(f.current)).toBe(true);
      const fields = r.body.sectors.filter((s: any) => s.newField).map((s: any) => s.code);
      expect(fields).toEqual(expect.arrayContaining(['semiconductors', 'hydrogen', 'carbon-markets', 'ai-digital']));
      expect(r.body.scenarios.map((s: any) => s.id)).toContain('baseline');
      expect(r.body.periods).toMatchObject({ first: '2013', last: '2024', baseYear: 2024 });
      expect(r.body.sources).toEqual([expect.objectContaining({ citation: expect.stringContaining('synthetic'), status: 'modelled' })]);
    });
    it('serves the data-levels table derived from the loaded observations', async () => {
      const { dataLevels, indicators } = (await get('/api/meta')).body;
      const levels = dataLevels.map((d: any) => `${d.level}|${d.status}`);
      expect(levels).toEqual(['national-section|modelled', 'national-section-qualification|modelled', 'new-fields|modelled', 'graduates|modelled']);
      expect(dataLevels[0]).toMatchObject({
        firstYear: 2013,
        lastYear: 2024,
        frequencies: ['annual'],
        indicators: [{ code: 'employment', from: '2013', to: '2024' }],
      });
      expect(dataLevels[0].sources[0]).toContain('synthetic');
      for (const d of dataLevels) {
        expect(d.sources.length).toBeLessThanOrEqual(5);
        expect(d.sourceCount).toBeGreaterThanOrEqual(d.sources.length);
        expect(d.citationCount).toBeGreaterThanOrEqual(d.sourceCount);
      }
      expect(indicators.find((i: any) => i.code === 'employment')).toMatchObject({ axis: 'sector', unit: 'persons' });
    });
  });

  describe('GET /api/series', () => {
    it('returns columns with a source and status per value', async () => {
      const r = await get(`/api/series?${CELL}`);
      expect(r.status).toBe(200);
      expect(r.body.periods).toHaveLength(12);
      expect(r.body.values).toHaveLength(12);
      expect(r.body.status.every((s: string) => s === 'modelled')).toBe(true);
      expect(r.body.source[0]).toContain('synthetic');
      expect(r.body.values[0]).toBe(fixtureRows().find((o) => o.sector === 'C' && o.qualification === 'ALL' && o.period === '2013')!.value);
    });
    it('filters by period range', async () => {
      const r = await get(`/api/series?${CELL}&from=2020&to=2022`);
      expect(r.body.periods).toEqual(['2020', '2021', '2022']);
    });
    it('names the valid codes for an unknown code', async () => {
      const r = await get('/api/series?indicator=employment&region=Hanoi&sector=qqqqqqqqqq');
      expectProblem(r, 400);
      const region = r.body.errors.find((e: any) => e.path === 'region');
      expect(region.expected).toEqual(['01']);
      const sector = r.body.errors.find((e: any) => e.path === 'sector');
      expect(sector.expected).toEqual(expect.arrayContaining(['TOTAL', 'A', 'semiconductors']));
    });
    it('points a former province code to its current unit', async () => {
      const meta = (await get('/api/meta')).body;
      const merged = meta.formerProvinces.find((f: any) => f.current !== f.code && !meta.regions.some((r: any) => r.code === f.code));
      const r = await get(`/api/series?indicator=employment&region=${merged.code}`);
      expectProblem(r, 400);
      expect(r.body.errors[0]).toMatchObject({ path: 'region', expected: [merged.current] });
      expect(r.body.detail).toContain('former province');
    });
    it('rejects malformed periods and reversed ranges', async () => {
      expectProblem(await get(`/api/series?${CELL}&from=20x0`), 400);
      expectProblem(await get(`/api/series?${CELL}&from=2022&to=2020`), 400);
    });
    it('answers 404 for a valid cell without data', async () => {
      expectProblem(await get('/api/series?indicator=vacancies&region=01'), 404);
    });
    it('accepts group and occupation codes for indicators on those axes, and only there', async () => {
      expectProblem(await get('/api/series?indicator=labour_force_by_group&sector=T:15-24'), 404);
      expectProblem(await get('/api/series?indicator=employment_by_occupation&sector=OCC2'), 404);
      const wrong = await get('/api/series?indicator=employment&sector=OCC2');
      expectProblem(wrong, 400);
      expect(wrong.body.errors[0].path).toBe('sector');
      expectProblem(await get('/api/series?indicator=labour_force_by_group&sector=C'), 400);
    });
  });

  describe('GET /api/forecasts', () => {
    it('serves the labour demand before the supply limit on national employment, cut to the horizon', async () => {
      const r = await get('/api/forecasts?indicator=employment&region=VN&sector=TOTAL&qualification=ALL&horizon=5&scenario=baseline');
      expect(r.status).toBe(200);
      expect(r.body.demand).toHaveLength(5);
      r.body.demand.forEach((d: number, i: number) => expect(d).toBeGreaterThanOrEqual(r.body.forecast.mean[i] - 1));
      const c = await get(`/api/forecasts?${CELL}&horizon=5&scenario=baseline`);
      expect(c.body.demand).toBeUndefined();
    });
    it('returns history, forecast columns, intervals, models and accuracy', async () => {
      const r = await get(`/api/forecasts?${CELL}&horizon=5&scenario=baseline&levels=80,95`);
      expect(r.status).toBe(200);
      const b = r.body;
      expect(b).toMatchObject({ indicator: 'employment', sector: 'C', scenario: 'baseline', horizon: 5, status: 'modelled', source: expect.any(String) });
      expect(b.history.length).toBeGreaterThan(5);
      expect(b.forecast.periods).toEqual(['2025', '2026', '2027', '2028', '2029']);
      expect(b.forecast.mean).toHaveLength(5);
      expect(b.forecast.intervals.map((i: any) => i.level)).toEqual([80, 95]);
      for (const band of b.forecast.intervals) {
        band.lower.forEach((lo: number, i: number) => {
          expect(lo).toBeLessThanOrEqual(b.forecast.mean[i]);
          expect(band.upper[i]).toBeGreaterThanOrEqual(b.forecast.mean[i]);
        });
      }
      expect(b.models.reduce((s: number, m: any) => s + m.weight, 0)).toBeCloseTo(1, 5);
      expect(b.accuracy).toHaveProperty('naiveMase');
      expect(b.accuracy).toHaveProperty('mase');
      expect(b.basis).toEqual(['modelled']);
    });
    it('answers a repeated anonymous read from the per-version cache, with the same headers, an ETag and 304', async () => {
      const path = `/api/forecasts?${CELL}&scenario=baseline`;
      const first = await t.app.request(path);
      const again = await t.app.request(path);
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(await first.text());
      const etag = again.headers.get('etag');
      expect(etag).toMatch(/^"v\d+-/);
      for (const h of ['content-type', 'x-content-type-options', 'content-security-policy', 'data-version']) {
        expect(again.headers.get(h), h).toBe(first.headers.get(h));
      }
      expect(again.headers.get('x-content-type-options')).toBe('nosniff');
      const revalidated = await t.app.request(path, { headers: { 'if-none-match': etag! } });
      expect(revalidated.status).toBe(304);
    });

    it('revalidates a request it may not replay (another origin) with 304 before the route reads any result', async () => {
      const path = `/api/forecasts?${CELL}&scenario=baseline`;
      const headers = { origin: 'https://elsewhere.example' };
      const first = await t.app.request(path, { headers });
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"v\d+-/);
      const snap = t.store.peek()!;
      const forecast = snap.forecast;
      let reads = 0;
      snap.forecast = (...args) => {
        reads++;
        return forecast(...args);
      };
      try {
        const revalidated = await t.app.request(path, { headers: { ...headers, 'if-none-match': etag } });
        expect(revalidated.status).toBe(304);
        expect(revalidated.headers.get('etag')).toBe(etag);
        expect(reads).toBe(0);
        expect((await t.app.request(path, { headers })).status).toBe(200);
        expect(reads).toBe(1);
      } finally {
        snap.forecast = forecast;
      }
    });

    it('keeps only the requested interval levels and defaults the horizon to 10 years', async () => {
      const r = await get(`/api/forecasts?${CELL}&levels=95`);
      expect(r.body.forecast.intervals.map((i: any) => i.level)).toEqual([95]);
      expect(r.body.forecast.periods).toHaveLength(10);
    });
    it('rejects horizons beyond 10 years, zero or non-numbers', async () => {
      for (const h of ['11', '0', 'abc', '2.5', '41']) {
        const r = await get(`/api/forecasts?${CELL}&horizon=${h}`);
        expectProblem(r, 400);
        expect(r.body.errors?.[0]?.path ?? 'horizon').toBe('horizon');
      }
    });
    it('rejects an unknown scenario naming the valid ones, and unavailable levels', async () => {
      const r = await get(`/api/forecasts?${CELL}&scenario=utopia`);
      expectProblem(r, 400);
      expect(r.body.errors[0].expected).toEqual(expect.arrayContaining(['baseline', 'high-growth']));
      const l = await get(`/api/forecasts?${CELL}&levels=50`);
      expectProblem(l, 400);
      expect(l.body.errors[0].expected).toEqual(['80', '95']);
      expectProblem(await get(`/api/forecasts?${CELL}&levels=80,abc`), 400);
    });
    it('answers 404 for a known cell the data do not cover', async () => {
      expectProblem(await get('/api/forecasts?indicator=employment&region=01&sector=C'), 404);
    });
  });

  describe('GET /api/gaps', () => {
    it('returns ranked rows with openings = expansion + replacement and imbalance = supply − openings', async () => {
      const r = await get('/api/gaps?region=VN&horizon=5&scenario=baseline');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ horizon: 5, scenario: 'baseline', period: '2029', status: 'modelled', thresholds: { shortageBelow: expect.any(Number) } });
      expect(r.body.rows.length).toBeGreaterThan(10);
      for (const row of r.body.rows) {
        expect(row.horizon).toBe(5);
        expect(row.openings).toBeCloseTo(row.expansion + row.replacement, 3);
        expect(row.imbalance).toBeCloseTo(row.newSupply - row.openings, 3);
        expect(['shortage', 'balanced', 'surplus', 'uncertain', 'too-small']).toContain(row.flag);
        expect(row.basis).toEqual(['modelled']);
        if (row.employmentBase > 0) expect(row.imbalanceShare).toBeCloseTo(row.imbalance / row.employmentBase, 5);
        // Too-small rows are never ranked.
        if (row.flag === 'too-small') expect(row.rank).toBeNull();
      }
      expect(r.body.basis).toEqual(['modelled']);
      // Ranked rows first in rank order, unranked (too-small) rows last.
      const ranks = r.body.rows.map((x: any) => x.rank);
      const ranked = ranks.filter((x: number | null) => x !== null);
      expect(ranks.slice(0, ranked.length)).toEqual([...ranked].sort((a, b) => a - b));
      expect(ranks.slice(ranked.length).every((x: number | null) => x === null)).toBe(true);
      // The assumptions behind every flag are served with the rows.
      expect(r.body.assumptions).toMatchObject({ thresholds: r.body.thresholds, exitRates: expect.any(Array), entryRate: expect.any(Number) });
    });
    it('filters and sorts', async () => {
      const r = await get('/api/gaps?sector=C&sort=imbalance&horizon=3');
      expect(r.body.rows.every((x: any) => x.sector === 'C')).toBe(true);
      const imb = r.body.rows.map((x: any) => x.imbalance);
      expect(imb).toEqual([...imb].sort((a, b) => a - b));
      const all = await get('/api/gaps?region=all&qualification=university');
      expect(all.body.rows.length).toBeGreaterThan(0);
      expect(all.body.rows.every((x: any) => x.qualification === 'university')).toBe(true);
    });
    it('rejects bad horizons, sorts and codes', async () => {
      expectProblem(await get('/api/gaps?horizon=11'), 400);
      expectProblem(await get('/api/gaps?sort=random'), 400);
      expectProblem(await get('/api/gaps?region=XYZ'), 400);
      expectProblem(await get('/api/gaps?scenario=nope'), 400);
    });
  });

  describe('GET /api/targets', () => {
    it('compares new fields with their policy targets', async () => {
      const r = await get('/api/targets?scenario=baseline');
      expect(r.body.dataBasis).toEqual(['modelled']);
      for (const target of r.body.targets) expect(target.dataBasis).toEqual(['modelled']);
      expect(r.status).toBe(200);
      const chips = r.body.targets.find((x: any) => x.field === 'semiconductors');
      expect(chips).toMatchObject({ targetYear: 2030, status: 'modelled', decision: expect.stringContaining('1017') });
      expect(chips.trend.periods.length).toBe(chips.trend.mean.length);
      expect(chips.target.periods.length).toBeGreaterThan(0);
      expect(Object.keys(chips.graduatesNeededPerYear).length).toBeGreaterThan(0);
      // 1017/QĐ-TTg is a training target; hydrogen and carbon markets carry no workforce number.
      expect(chips).toMatchObject({ kind: 'training', date: '2024-09-21', basis: 'assumption', training: { total: 50_000, output: { value: null } } });
      expect(chips.quoteVi).toMatch(/50\.000/);
      for (const field of ['hydrogen', 'carbon-markets']) {
        const t = r.body.targets.find((x: any) => x.field === field);
        if (!t) continue;
        expect(t).toMatchObject({ targetLevel: null, trendShortfall: null, graduatesNeededPerYear: {} });
        expect(t.target.periods).toEqual([]);
      }
    });
    it('rejects an unknown scenario', async () => {
      expectProblem(await get('/api/targets?scenario=x'), 400);
    });
  });

  describe('GET /api/export.csv', () => {
    const parse = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    it('exports series in the long format', async () => {
      const res = await t.app.request(`/api/export.csv?view=series&${CELL}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="lmo-series-v\d+\.csv"/);
      const csv = parse(await res.text());
      expect(csv.meta.fields).toEqual(['indicator', 'period', 'region', 'sector', 'qualification', 'value', 'unit', 'source', 'status']);
      expect(csv.data).toHaveLength(12);
    });
    it('replays a stored export with its Content-Length (CSV gets none from the JSON length middleware)', async () => {
      const url = `/api/export.csv?view=series&${CELL}&from=2015`;
      const first = await t.app.request(url);
      const bytes = (await first.arrayBuffer()).byteLength;
      const again = await t.app.request(url);
      expect(again.headers.get('content-length')).toBe(String(bytes));
      expect((await again.arrayBuffer()).byteLength).toBe(bytes);
    });
    it('exports the same forecast figures as the JSON route', async () => {
      const json = (await get(`/api/forecasts?${CELL}&horizon=3`)).body;
      const csv = parse(await (await t.app.request(`/api/export.csv?view=forecasts&${CELL}&horizon=3`)).text());
      const rows = csv.data.filter((r) => r.kind === 'forecast');
      expect(rows.map((r) => r.period)).toEqual(json.forecast.periods);
      expect(Number(rows[0].value)).toBeCloseTo(json.forecast.mean[0], 6);
      expect(Number(rows[0].lower80)).toBeCloseTo(json.forecast.intervals[0].lower[0], 6);
    });
    it('exports gaps, keeping negative numbers as numbers', async () => {
      const csv = parse(await (await t.app.request('/api/export.csv?view=gaps&horizon=2&sort=imbalance')).text());
      expect(csv.data.length).toBeGreaterThan(0);
      expect(Number(csv.data[0].imbalance)).toBeLessThan(0);
      expect(csv.meta.fields).toContain('imbalance_share');
      const row = csv.data[0];
      expect(Number(row.imbalance_share)).toBeCloseTo(Number(row.imbalance) / Number(row.employmentBase), 5);
    });
    it('validates the view and its parameters', async () => {
      expectProblem(await get('/api/export.csv?view=pies'), 400);
      expectProblem(await get('/api/export.csv?view=forecasts&horizon=99'), 400);
      expectProblem(await get('/api/export.csv?view=series&region=nowhere'), 400);
    });
  });

  describe('OpenAPI and docs', () => {
    it('serves a valid OpenAPI 3.1 document listing every route', async () => {
      const r = await get('/api/openapi.json');
      expect(r.status).toBe(200);
      expect(r.body.openapi).toBe('3.1.0');
      const result = await new Validator().validate(r.body);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      const documented = Object.keys(r.body.paths);
      expect(documented).toEqual(
        expect.arrayContaining(['/api/export.csv', '/api/forecasts', '/api/gaps', '/api/health', '/api/meta', '/api/series', '/api/targets']),
      );
      // Every mounted API route (whoever added it) is documented.
      const mounted = new Set(
        t.app.routes
          .map((x) => x.path)
          .filter((p) => p.startsWith('/api/') && !['/api/openapi.json', '/api/docs', '/api/*'].includes(p))
          .map((p) => p.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')),
      );
      for (const path of mounted) expect(documented, path).toContain(path);
      const params = r.body.paths['/api/forecasts'].get.parameters.map((p: any) => p.name);
      expect(params).toEqual(expect.arrayContaining(['indicator', 'region', 'sector', 'qualification', 'horizon', 'scenario', 'levels']));
    });
    it('serves the interactive reference', async () => {
      const r = await get('/api/docs');
      expect(r.status).toBe(200);
      expect(r.body).toContain('/api/openapi.json');
    });
    it('answers unknown API paths with a problem', async () => {
      expectProblem(await get('/api/nothing-here'), 404);
    });
  });

  describe('a new dataset version', () => {
    it('changes the forecasts, and CSV cells cannot inject formulas', async () => {
      const before = (await get(`/api/forecasts?${CELL}&horizon=3`)).body;
      // Manufacturing 20% higher in every year, with a hostile source text.
      const changed = fixtureRows()
        .filter((o) => o.indicator === 'employment' && o.sector === 'C')
        .map((o) => ({ ...o, value: Math.round(o.value * 1.2), source: '=HYPERLINK("http://x","survey")', status: 'survey' as const }));
      const result = await ingestObservations(t.database.db, changed, { label: 'test upload', kind: 'upload', mode: 'merge' });
      expect(result.created).toBe(true);
      const after = (await get(`/api/forecasts?${CELL}&horizon=3`)).body;
      expect(after.dataVersion).toBe(result.version.id);
      expect(after.dataVersion).not.toBe(before.dataVersion);
      expect(after.forecast.mean[0]).toBeGreaterThan(before.forecast.mean[0] * 1.1);
      const health = (await get('/api/health')).body;
      expect(health.dataVersion.id).toBe(result.version.id);
      const text = await (await t.app.request(`/api/export.csv?view=series&${CELL}`)).text();
      const sources = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data.map((r) => r.source);
      expect(sources.every((s) => s.startsWith("'="))).toBe(true);
    });
  });

  describe('any query string', () => {
    it('never gets a 500: bad input is a 4xx problem', async () => {
      const names = ['indicator', 'region', 'sector', 'qualification', 'horizon', 'scenario', 'levels', 'from', 'to', 'sort', 'view', 'x'];
      const value = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          'VN',
          '01',
          'C',
          'ALL',
          'employment',
          'baseline',
          '80,95',
          '2020',
          'all',
          'gaps',
          'forecasts',
          'series',
          '-1',
          '1e9',
          'NaN',
          '',
          '%00',
          '../..',
          '=1+1',
        ),
      );
      const routes = ['/api/series', '/api/forecasts', '/api/gaps', '/api/targets', '/api/export.csv', '/api/meta', '/api/health'];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 6 }), async (route, params) => {
          const res = await t.app.request(`${route}?${new URLSearchParams(params)}`);
          expect(res.status, `${route}?${new URLSearchParams(params)}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
        }),
        { numRuns: 150 },
      );
      expect(t.errors).toEqual([]);
    });
  });

  describe('database outage', () => {
    it('answers 503 problem+json, not 500', async () => {
      await t.database.close();
      const r = await get('/api/health');
      expectProblem(r, 503);
      expect(t.errors).toEqual([]);
    });
  });
});
