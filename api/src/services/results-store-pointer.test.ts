import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/client';
import type { VersionInfo } from './dataset-versions';
import { LISTENING_RECHECK_MS } from './results-pointer';
import { ResultsStore } from './results-store';

/** A store over a fake pointer: `current` is what the database says, `clock` what time it is. */
function fake(recheckMs = 1_000, maxStaleMs = 2_000) {
  const state = { current: 1, clock: 0, fail: false };
  const gates: (() => void)[] = [];
  const readVersion = vi.fn(async () => {
    const id = state.current; // read when the query starts
    await new Promise<void>((r) => gates.push(r));
    if (state.fail) throw new Error('connect ECONNREFUSED');
    return { id, computedAt: null } as VersionInfo;
  });
  const store = new ResultsStore({} as Db, { recheckMs, maxStaleMs, readVersion, now: () => state.clock });
  const release = async () => {
    while (gates.length) gates.shift()!();
    await Promise.resolve();
  };
  return { state, store, readVersion, release };
}

const settle = async <T>(p: Promise<T>, release: () => Promise<void>) => {
  await release();
  return p;
};

describe('the version pointer (one freshness mechanism)', () => {
  it('is read once per recheckMs, stale-while-revalidate up to maxStaleMs, then waited for', async () => {
    const { state, store, readVersion, release } = fake();
    expect((await settle(store.pointer(), release))?.id).toBe(1);
    state.current = 2;
    state.clock = 999;
    expect((await store.pointer())?.id).toBe(1);
    expect(readVersion).toHaveBeenCalledTimes(1);
    state.clock = 1_500; // stale: the old answer now, a re-read in the background
    expect((await store.pointer())?.id).toBe(1);
    expect(readVersion).toHaveBeenCalledTimes(2);
    await release();
    expect((await store.pointer())?.id).toBe(2);
    state.current = 3;
    state.clock = 10_000; // past maxStaleMs: the caller waits for the read
    expect((await settle(store.pointer(), release))?.id).toBe(3);
  });

  it('polls only as a safety net while NOTIFY is heard, and every recheckMs again once it is lost', async () => {
    const { state, store, readVersion, release } = fake();
    await settle(store.pointer(), release);
    store.setListening(true);
    state.current = 2;
    state.clock = 5_000; // five poll periods: no read, NOTIFY would have said
    expect((await store.pointer())?.id).toBe(1);
    expect(readVersion).toHaveBeenCalledTimes(1);
    // Health still checks the database every pollMs.
    expect((await settle(store.pointer(store.pollMs), release))?.id).toBe(2);
    expect(readVersion).toHaveBeenCalledTimes(2);
    state.current = 3;
    state.clock = 5_000 + LISTENING_RECHECK_MS; // the safety net: a background re-read
    await settle(store.pointer(), release);
    expect(readVersion).toHaveBeenCalledTimes(3);
    expect((await store.pointer())?.id).toBe(3);
    store.setListening(false); // the LISTEN connection died: poll every recheckMs
    state.current = 4;
    state.clock += 1_500;
    await settle(store.pointer(), release);
    expect((await store.pointer())?.id).toBe(4);
  });

  it('after invalidate() does not trust a read that started before it', async () => {
    const { state, store, readVersion, release } = fake();
    await settle(store.pointer(), release);
    state.clock = 1_500;
    const early = store.pointer(); // starts a background read of version 1
    state.current = 2; // committed meanwhile, announced by NOTIFY
    store.invalidate();
    const late = store.pointer();
    await release();
    expect((await early)?.id).toBe(1);
    expect((await late)?.id).toBe(2);
    expect(readVersion).toHaveBeenCalledTimes(3);
    expect((await store.pointer())?.id).toBe(2);
  });

  it('does not hide a failed read: the next caller waits and sees it', async () => {
    const { state, store, release } = fake();
    await settle(store.pointer(), release);
    state.fail = true;
    state.clock = 1_500;
    await store.pointer();
    await release();
    await expect(settle(store.pointer(), release)).rejects.toThrow(/ECONNREFUSED/);
    expect(store.freshVersionId()).toBeUndefined();
  });
});
