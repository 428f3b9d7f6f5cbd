/**
 * Who has an embedded (PGlite) data directory open. PGlite is single-process and
 * leaves `postmaster.pid` behind after a crash (with a fake pid), so that file alone
 * cannot tell a running server from a killed one. Each opener records its real pid
 * in `lmo-owner.pid`; a pid that is no longer alive means the directory is free.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OWNER_FILE = 'lmo-owner.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live process (other than this one) holding `dataDir`, or null. */
export function liveOwner(dataDir: string): number | null {
  const file = join(dataDir, OWNER_FILE);
  if (!existsSync(file)) {
    // An older or foreign opener left no owner file: only PGlite's own marker says anything.
    return existsSync(join(dataDir, 'postmaster.pid')) ? -1 : null;
  }
  const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return isAlive(pid) ? pid : null;
}

/** Records this process as the owner; written before PGlite opens, so a crash at any point leaves a dead pid. */
export function claimOwner(dataDir: string): void {
  writeFileSync(join(dataDir, OWNER_FILE), String(process.pid));
}

/** Removes the owner record if it is ours (on a clean close). */
export function releaseOwner(dataDir: string): void {
  const file = join(dataDir, OWNER_FILE);
  try {
    if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) rmSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}
