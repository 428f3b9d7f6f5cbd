/**
 * Child-process helper for the reliability tests, run with tsx against the
 * database in DATA_DIR or DATABASE_URL (like the server):
 *   seed            load the test fixture and compute its results; prints SEEDED <id>
 *   tokens          creates an analyst and a viewer token; prints TOKENS {json}
 *   large <rows>    commits <rows> bulk observations as a new version through the
 *                   ingest service, printing TX-BEGIN, BATCH <n> and COMMITTED <id>
 *                   so the parent can kill -9 it half-way through the transaction.
 */
import { loadConfig } from '../../../src/config';
import type { Db } from '../../../src/db/client';
import { createToken } from '../../../src/services/auth';
import { computeResults } from '../../../src/services/compute';
import { getCurrentVersion } from '../../../src/services/dataset-versions';
import { commitObservations } from '../../../src/services/ingest';
import { startDatabase } from '../../../src/services/startup';
import { fixtureRows } from '../../fixture';
import { bigRows } from './big-dataset';

const [mode, arg] = process.argv.slice(2);
const config = loadConfig();
const { database } = await startDatabase(config.database, { seed: mode === 'seed', seedRows: mode === 'seed' ? fixtureRows() : undefined });
const db = database.db;

/** Wraps db.transaction so the parent sees when the transaction and each statement start. */
function traced(inner: Db): Db {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (fn: (tx: Db) => Promise<unknown>, ...rest: unknown[]) =>
        (target.transaction as any)(
          async (tx: Db) => {
            console.log('TX-BEGIN');
            let n = 0;
            const tracedTx = new Proxy(tx, {
              get(t, p, r) {
                if (p !== 'execute') return Reflect.get(t, p, r);
                return async (...args: unknown[]) => {
                  const result = await (t.execute as any)(...args);
                  console.log(`BATCH ${++n}`);
                  return result;
                };
              },
            });
            return fn(tracedTx);
          },
          ...rest,
        );
    },
  });
}

try {
  if (mode === 'seed') {
    const current = await getCurrentVersion(db);
    if (!current) throw new Error('seeding produced no version');
    await computeResults(db, current.id);
    console.log(`SEEDED ${current.id}`);
  } else if (mode === 'tokens') {
    const analyst = await createToken(db, { name: 'reliability analyst', role: 'analyst' });
    const viewer = await createToken(db, { name: 'reliability viewer', role: 'viewer' });
    const admin = await createToken(db, { name: 'reliability admin', role: 'admin' });
    console.log(`TOKENS ${JSON.stringify({ analyst: analyst.token, viewer: viewer.token, admin: admin.token })}`);
  } else if (mode === 'large') {
    const rows = bigRows(Number(arg ?? 300_000));
    console.log(`ROWS ${rows.length}`);
    const result = await commitObservations(traced(db), rows, { label: 'large ingest (to be killed)', kind: 'upload', actor: 'test', mode: 'replace' });
    console.log(`COMMITTED ${result.version.id}`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} finally {
  await database.close();
}
