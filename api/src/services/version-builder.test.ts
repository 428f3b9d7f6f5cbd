/**
 * The version state machine (issue 16 §2): build → compute → promote. A version
 * being built is never served; a failed compute leaves it `failed`, never current;
 * copy-on-write uploads hold the parent's rows with the uploaded cells replaced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import { fixtureRows } from '../../test/fixture';
import { getJson, startTestApp, type TestApp } from '../../test/harness';
import { MIGRATIONS_FOLDER } from '../db/migrate';
import { getCurrentVersion } from './dataset-versions';
import { buildVersion, type BuildSpec } from './version-builder';
import { computeVersion } from './version-compute';
import { discardBuilding, discardVersion, promoteVersion } from './version-pointer';
import { listVisibleVersions, rollbackTo } from './versions-service';

const backends = await testBackends();

describe.each(backends)('version builder on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });
  const db = () => t.database.db;
  const spec = (uploadHash: string, atomic = true): BuildSpec => ({ mode: 'overlay', uploadHash, label: 'test', kind: 'upload', actor: 'test', atomic });
  const promote = { actor: 'test', action: 'dataset.upload', detail: {} };
  const one = async <T>(query: ReturnType<typeof sql>) => ((await db().execute(query)) as unknown as { rows: T[] }).rows[0];
  const rowCount = async (id: number) =>
    Number((await one<{ n: number }>(sql`select count(*)::int as n from observations where dataset_version_id = ${id}`)).n);
  const stateOf = async (id: number) => (await one<{ state: string } | undefined>(sql`select state from dataset_versions where id = ${id}`))?.state;

  for (const atomic of [true, false]) {
    it(`builds parent rows + uploaded cells (${atomic ? 'one transaction' : 'short statements'}), invisible until promoted`, async () => {
      const parent = (await getCurrentVersion(db()))!;
      const changed = { ...fixtureRows()[0], value: 123 };
      const added = { ...fixtureRows()[0], period: atomic ? '2012' : '2011', value: 7 };
      const built = await buildVersion(db(), [changed, added], spec(`h-${atomic}`, atomic));
      expect(built).toMatchObject({ isCurrent: false, parentId: parent.id, rowCount: parent.rowCount + 1 });
      expect(await stateOf(built.id)).toBe('building');
      expect(await rowCount(built.id)).toBe(parent.rowCount + 1);
      expect((await listVisibleVersions(db())).map((v) => v.id)).not.toContain(built.id);
      if (atomic) {
        const promoted = await promoteVersion(db(), built, promote);
        expect(promoted).toMatchObject({ created: true, version: { id: built.id, isCurrent: true } });
        expect(await stateOf(built.id)).toBe('ready');
        const value = await one<{ value: number }>(sql`select value from observations where dataset_version_id = ${built.id}
          and indicator = ${changed.indicator} and region = ${changed.region} and sector = ${changed.sector} and qualification = ${changed.qualification} and period = ${changed.period}`);
        expect(Number(value.value)).toBe(123);
      } else {
        // A crash before promotion: the next start removes it with its rows.
        expect(await discardBuilding(db())).toBe(1);
        expect(await rowCount(built.id)).toBe(0);
      }
    });
  }

  it('refuses to promote over a version that became current meanwhile (409), and an identical one is a duplicate', async () => {
    const a = await buildVersion(db(), [{ ...fixtureRows()[1], value: 1 }], spec('race-a'));
    const b = await buildVersion(db(), [{ ...fixtureRows()[1], value: 2 }], spec('race-b'));
    const a2 = await buildVersion(db(), [{ ...fixtureRows()[1], value: 1 }], spec('race-a'));
    await promoteVersion(db(), a, promote);
    await expect(promoteVersion(db(), b, promote)).rejects.toMatchObject({ code: 'DATA_CHANGED' });
    expect(await promoteVersion(db(), a2, promote)).toMatchObject({ created: false, version: { id: a.id } });
    for (const v of [b, a2]) await discardVersion(db(), v.id);
  });

  it('stops before writing when the version the rows were checked against is no longer current (409, nothing stored)', async () => {
    const checked = (await getCurrentVersion(db()))!;
    const other = await buildVersion(db(), [{ ...fixtureRows()[2], value: 3 }], spec('meanwhile'));
    await promoteVersion(db(), other, promote);
    const versions = async () => Number((await one<{ n: number }>(sql`select count(*)::int as n from dataset_versions`)).n);
    const before = await versions();
    for (const atomic of [true, false]) {
      await expect(buildVersion(db(), [{ ...fixtureRows()[2], value: 4 }], { ...spec('late', atomic), basedOn: checked.id })).rejects.toMatchObject({
        code: 'DATA_CHANGED',
      });
    }
    expect(await versions()).toBe(before);
    expect((await getCurrentVersion(db()))!.id).toBe(other.id);
    // Based on the current one, it builds.
    const built = await buildVersion(db(), [{ ...fixtureRows()[2], value: 4 }], { ...spec('late'), basedOn: other.id });
    expect(built.parentId).toBe(other.id);
    await discardVersion(db(), built.id);
  });

  it('a version being built is never served, and the database refuses to make it current', async () => {
    const served = (await getJson(t.app, '/api/health')).body.dataVersion.id;
    const built = await buildVersion(db(), fixtureRows({ scale: 2 }), { mode: 'replace', hash: 'building-test', label: 'b', kind: 'seed', actor: 'test' });
    t.store.invalidate();
    expect((await getJson(t.app, '/api/health')).body.dataVersion.id).toBe(served);
    const forecast = await getJson(t.app, '/api/forecasts?indicator=employment&region=VN&sector=C&qualification=university&horizon=3');
    expect(forecast.body.dataVersion).toBe(served);
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(sql`update dataset_versions set is_current = false where is_current`);
        await tx.execute(sql`update dataset_versions set is_current = true where id = ${built.id}`);
      }),
    ).rejects.toThrow();
    expect((await getCurrentVersion(db()))?.id).toBe(served);
    await discardVersion(db(), built.id);
  });

  it('a failed compute leaves the version `failed` with no rows: never current, listed, promoted or rolled back to', async () => {
    const before = (await getCurrentVersion(db()))!;
    const built = await buildVersion(db(), [{ ...fixtureRows()[2], value: 5 }], spec('fails'));
    await expect(
      computeVersion(db(), built, async () => {
        throw new Error('model failed');
      }),
    ).rejects.toThrow('model failed');
    expect(await stateOf(built.id)).toBe('failed');
    expect(await rowCount(built.id)).toBe(0);
    await expect(promoteVersion(db(), built, promote)).rejects.toMatchObject({ code: 'UPLOAD_DISCARDED' });
    await expect(rollbackTo(db(), built.id, 'test')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listVisibleVersions(db())).map((v) => v.id)).not.toContain(built.id);
    expect((await getCurrentVersion(db()))?.id).toBe(before.id);
    t.store.invalidate();
    expect((await getJson(t.app, '/api/health')).body.dataVersion.id).toBe(before.id);
    // Only crash leftovers (`building`) are removed at start-up; the failed row stays as a record.
    expect(await discardBuilding(db())).toBe(0);
    expect(await stateOf(built.id)).toBe('failed');
  });

  it('a successful compute keeps the version building until promoted', async () => {
    const built = await buildVersion(db(), [{ ...fixtureRows()[3], value: 9 }], spec('computes'));
    expect(await computeVersion(db(), built, async () => 'done')).toBe('done');
    expect(await stateOf(built.id)).toBe('building');
    expect((await promoteVersion(db(), built, promote)).version).toMatchObject({ id: built.id, isCurrent: true });
  });
});

describe('migration 0005', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create();
  });
  afterAll(async () => {
    await pg?.close();
  });
  const apply = async (tag: string) => {
    for (const statement of readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await pg.exec(statement);
    }
  };

  it('back-fills the state from the old implied rule and moves upload hashes out of fingerprint', async () => {
    for (const tag of ['0000_init', '0001_results_chunks', '0002_scenarios', '0003_sources', '0004_token_scope']) await apply(tag);
    await pg.exec(`insert into dataset_versions (hash, label, kind, row_count, is_current, fingerprint, computed_at) values
      ('a', 'seed', 'seed', 1, false, 'files', now()),
      ('b', 'promoted upload', 'upload', 1, true, 'upload:abc', now()),
      ('c', 'crashed upload', 'upload', 1, false, null, now()),
      ('d', 'old merge ingest', 'upload', 1, false, null, null)`);
    await apply('0005_version_state');
    const rows = (
      await pg.query<{ hash: string; state: string; fingerprint: string | null; upload_hash: string | null }>(
        'select hash, state, fingerprint, upload_hash from dataset_versions order by id',
      )
    ).rows;
    expect(rows).toEqual([
      { hash: 'a', state: 'ready', fingerprint: 'files', upload_hash: null },
      { hash: 'b', state: 'ready', fingerprint: null, upload_hash: 'abc' },
      { hash: 'c', state: 'building', fingerprint: null, upload_hash: null },
      { hash: 'd', state: 'building', fingerprint: null, upload_hash: null },
    ]);
    await expect(pg.exec(`update dataset_versions set state = 'done' where hash = 'a'`)).rejects.toThrow();
  });
});
