/**
 * PostgreSQL helpers for the reliability suite: a uniquely named database on
 * the shared test cluster per test file, and a private throwaway cluster for
 * the outage test (which must stop PostgreSQL without disturbing other suites).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase as createDatabase } from '../../backends';

/** Creates an empty database `lmo_r_<tag>_<random>` and returns its URL and a drop(). */
export const createTestDatabase = (tag: string) => createDatabase(`r_${tag}`);

/** Runs one query on `url` with a short-lived client. */
export async function query<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const PG_BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((d) => existsSync(join(d, 'initdb')));

/** A private PostgreSQL cluster in a temp dir on `port` (initdb as the postgres OS user when run as root). */
export class PrivateCluster {
  readonly dir: string;
  readonly dataDir: string;
  constructor(readonly port: number) {
    if (!PG_BIN) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin; run bash .ci/services.sh');
    this.dir = mkdtempSync(join(tmpdir(), 'lmo-pg-'));
    this.dataDir = join(this.dir, 'data');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(bin: string, args: string[]): void {
    const root = process.getuid?.() === 0;
    const cmd = root ? 'runuser' : join(PG_BIN!, bin);
    const argv = root ? ['-u', 'postgres', '--', join(PG_BIN!, bin), ...args] : args;
    execFileSync(cmd, argv, { stdio: 'pipe', timeout: 60_000 });
  }

  init(): void {
    if (process.getuid?.() === 0) {
      chmodSync(this.dir, 0o755);
      const { uid, gid } = lookupPostgresUser();
      chownSync(this.dir, uid, gid);
    }
    this.run('initdb', ['-D', this.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-t',
      '30',
      'start',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ]);
  }

  /** `-m fast`: what an operator's restart does: terminates sessions, rolls back open transactions. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      /* already stopped */
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function lookupPostgresUser(): { uid: number; gid: number } {
  const line = execFileSync('getent', ['passwd', 'postgres']).toString().trim();
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
