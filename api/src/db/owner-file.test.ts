import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { claimOwner, liveOwner, releaseOwner } from './owner-file';
import { dataDirInUse } from '../cli/open-database';

describe('embedded data directory ownership', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'lmo-owner-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a live owner makes the directory busy', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'postmaster.pid'), '-42\n');
    writeFileSync(join(dir, 'lmo-owner.pid'), String(process.ppid));
    expect(liveOwner(dir)).toBe(process.ppid);
    expect(dataDirInUse(dir)).toBe(true);
  });

  it('a postmaster.pid left by a killed server does not block the CLIs', () => {
    const dir = fresh();
    // A pid that has certainly exited: a finished child.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, 'postmaster.pid'), '-42\n');
    writeFileSync(join(dir, 'lmo-owner.pid'), String(dead));
    expect(liveOwner(dir)).toBeNull();
    expect(dataDirInUse(dir)).toBe(false);
  });

  it("without an owner record, PGlite's marker alone still counts as busy", () => {
    const dir = fresh();
    writeFileSync(join(dir, 'postmaster.pid'), '-42\n');
    expect(dataDirInUse(dir)).toBe(true);
  });

  it('claim and release by this process', () => {
    const dir = fresh();
    claimOwner(dir);
    expect(liveOwner(dir)).toBeNull(); // our own claim never blocks us
    releaseOwner(dir);
    expect(existsSync(join(dir, 'lmo-owner.pid'))).toBe(false);
  });
});
