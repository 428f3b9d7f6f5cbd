/**
 * Copy-on-write versions: the built version holds the parent's rows with the
 * uploaded cells replaced; an unpromoted version is invisible and removed at start-up.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/backends';
import { fixtureRows } from '../../test/fixture';
import { startTestApp, type TestApp } from '../../test/harness';
import { getCurrentVersion } from './dataset-versions';
import { buildUploadVersion, discardUnpromoted, promoteUpload } from './upload-commit';
import { listVisibleVersions } from './versions-service';

const backends = await testBackends();

describe.each(backends)('upload versions on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });
  const meta = (hash: string) => ({ label: 'test', actor: 'test', format: 'long', uploadHash: hash, records: 1, cells: 1 });
  const rowCount = async (id: number) => Number(((await t.database.db.execute(sql`select count(*)::int as n from observations where dataset_version_id = ${id}`)) as unknown as { rows: { n: number }[] }).rows[0].n);

  for (const atomic of [true, false]) {
    it(`builds parent rows + uploaded cells (${atomic ? 'one transaction' : 'short statements'}), invisible until promoted`, async () => {
      const parent = (await getCurrentVersion(t.database.db))!;
      const changed = { ...fixtureRows()[0], value: 123 };
      const added = { ...fixtureRows()[0], period: atomic ? '2012' : '2011', value: 7 };
      const built = await buildUploadVersion(t.database.db, [changed, added], meta(`h-${atomic}`), { atomic });
      expect(built).toMatchObject({ isCurrent: false, parentId: parent.id, rowCount: parent.rowCount + 1 });
      expect(await rowCount(built.id)).toBe(parent.rowCount + 1);
      expect((await listVisibleVersions(t.database.db)).map((v) => v.id)).not.toContain(built.id);
      if (atomic) {
        const promoted = await promoteUpload(t.database.db, built, meta('h-true'));
        expect(promoted).toMatchObject({ created: true, version: { id: built.id, isCurrent: true } });
        const value = await t.database.db.execute(sql`select value from observations where dataset_version_id = ${built.id}
          and indicator = ${changed.indicator} and region = ${changed.region} and sector = ${changed.sector} and qualification = ${changed.qualification} and period = ${changed.period}`);
        expect(Number((value as unknown as { rows: { value: number }[] }).rows[0].value)).toBe(123);
      } else {
        // A crash before promotion: the next start removes it with its rows.
        expect(await discardUnpromoted(t.database.db)).toBe(1);
        expect(await rowCount(built.id)).toBe(0);
      }
    });
  }

  it('refuses to promote over a version that became current meanwhile (409)', async () => {
    const a = await buildUploadVersion(t.database.db, [{ ...fixtureRows()[1], value: 1 }], meta('race-a'));
    const b = await buildUploadVersion(t.database.db, [{ ...fixtureRows()[1], value: 2 }], meta('race-b'));
    await promoteUpload(t.database.db, a, meta('race-a'));
    await expect(promoteUpload(t.database.db, b, meta('race-b'))).rejects.toMatchObject({ code: 'DATA_CHANGED' });
  });
});
