import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { fixtureRows } from '../../test/fixture';
import { testBackends } from '../../test/backends';
import { auditLog, datasetVersions, observations } from '../db/schema';
import { DomainError } from '../domain-error';
import { toProblem } from '../http/on-error';
import { startDatabase } from './startup';
import { contentHash, ingestObservations, ingestOnce, loadObservations } from './ingest';
import { getCurrentVersion } from './dataset-versions';
import type { Database } from '../db/client';

const backends = await testBackends();

describe.each(backends)('ingest on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await backend.create();
    drop = created.drop;
    database = (await startDatabase(created.config, { seed: false })).database;
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const countRows = async () => (await database.db.select({ n: count() }).from(observations))[0].n;

  it('stores a valid dataset as the current version in one go', async () => {
    const rows = fixtureRows();
    const result = await ingestOnce(database.db, rows, { label: 'fixture', kind: 'seed' });
    expect(result.created).toBe(true);
    expect(result.version.rowCount).toBe(rows.length);
    expect((await getCurrentVersion(database.db))?.id).toBe(result.version.id);
    expect(await countRows()).toBe(rows.length);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `dataset_version:${result.version.id}`));
    expect(audit).toHaveLength(1);
  });

  it('does not load the same content twice, whatever the row order', async () => {
    const before = await countRows();
    const again = await ingestOnce(database.db, fixtureRows().reverse(), { label: 'fixture again', kind: 'seed' });
    expect(again.created).toBe(false);
    expect(await countRows()).toBe(before);
    expect(contentHash(fixtureRows())).toBe(contentHash(fixtureRows().reverse()));
  });

  it('rejects bad rows with line and column, and writes nothing', async () => {
    const versionsBefore = (await database.db.select({ n: count() }).from(datasetVersions))[0].n;
    const rowsBefore = await countRows();
    const rows: unknown[] = fixtureRows().slice(0, 3);
    rows.push({ ...fixtureRows()[0], period: '2025', region: 'XX' });
    rows.push({ ...fixtureRows()[0], period: '20x5' });
    rows.push({ ...fixtureRows()[1] }); // duplicate of row 2
    const error = await ingestObservations(database.db, rows, { label: 'bad', kind: 'upload', firstLine: 2 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DomainError', code: 'INVALID_OBSERVATIONS' });
    const problem = toProblem(error as DomainError);
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 5, column: 3, message: expect.stringContaining("unknown region 'XX'") }),
        expect.objectContaining({ line: 6, column: 2 }),
        expect.objectContaining({ line: 7, message: expect.stringContaining('duplicate') }),
      ]),
    );
    expect((await database.db.select({ n: count() }).from(datasetVersions))[0].n).toBe(versionsBefore);
    expect(await countRows()).toBe(rowsBefore);
  });

  it("applies the upload validator's row rules to JSON rows (unit, bounds, future periods)", async () => {
    const rows: unknown[] = fixtureRows().slice(0, 2);
    rows.push({ ...fixtureRows()[0], period: '2011', unit: 'percent', value: 12 });
    rows.push({ ...fixtureRows()[0], period: '2010', region: '01', value: 40_000_000 });
    rows.push({ ...fixtureRows()[0], period: '2100' });
    const error = await ingestObservations(database.db, rows, { label: 'bad rules', kind: 'upload', firstLine: 2 }).catch((e: unknown) => e);
    const problem = toProblem(error as DomainError);
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ line: 4, column: 7, message: expect.stringContaining('measured in persons') }),
      expect.objectContaining({ line: 5, column: 6, message: expect.stringContaining('plausible population') }),
      expect.objectContaining({ line: 6, column: 2, message: expect.stringContaining('in the future') }),
    ]);
  });

  it('merges an upload into the current version and points to its parent', async () => {
    const parent = (await getCurrentVersion(database.db))!;
    const changed = { ...fixtureRows()[0], value: 1, source: 'Provincial survey 2024', status: 'survey' as const };
    const result = await ingestObservations(database.db, [changed], { label: 'one fix', kind: 'upload', mode: 'merge' });
    expect(result.created).toBe(true);
    expect(result.version.parentId).toBe(parent.id);
    expect(result.version.rowCount).toBe(parent.rowCount);
    const stored = await loadObservations(database.db, result.version.id);
    const hit = stored.find(
      (o) => o.indicator === changed.indicator && o.period === changed.period && o.sector === changed.sector && o.qualification === changed.qualification,
    );
    expect(hit).toMatchObject({ value: 1, status: 'survey' });
    // The parent version is immutable.
    const old = await loadObservations(database.db, parent.id);
    expect(
      old.find(
        (o) => o.period === changed.period && o.sector === changed.sector && o.qualification === changed.qualification && o.indicator === changed.indicator,
      )?.value,
    ).toBe(fixtureRows()[0].value);
  });
});
