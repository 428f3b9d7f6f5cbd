/**
 * Speed is compared on ONE core: on Linux, re-run this process under
 * `taskset -c 0` so V8's helper threads (GC, compiler) share the core with
 * the main thread, for both the engine and augurs. `--no-pin` skips it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHILD_FLAG = 'LMO_BENCH_PINNED';

/** Re-run pinned to core 0 and exit with its status; returns when already pinned or pinning is unavailable. */
export function pinToOneCore(): void {
  if (process.env[CHILD_FLAG] || process.argv.includes('--no-pin') || process.platform !== 'linux') return;
  const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));
  if (!taskset) {
    console.warn('taskset not found: speed is measured without pinning to one core.');
    return;
  }
  const child = spawnSync(taskset, ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_FLAG]: '1' },
  });
  process.exit(child.status ?? 1);
}

/** True when this process runs pinned to one core. */
export function isPinned(): boolean {
  return Boolean(process.env[CHILD_FLAG]);
}
