import { describe, expect, it } from 'vitest';
import { ANSWER, DATA_CACHE_BYTES, ReadCache, readCacheFor } from './read-cache';

describe('ReadCache', () => {
  it('computes once per version and key, and again for a new version', async () => {
    const c = new ReadCache();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await c.load(1, 'meta', compute)).toBe(1);
    expect(await c.load(1, 'meta', compute)).toBe(1);
    expect(await Promise.all([c.load(2, 'meta', compute), c.load(2, 'meta', compute)])).toEqual([2, 2]);
    expect(runs).toBe(2);
    expect(c.peek(2, 'meta')).toBe(2);
  });

  it('does not keep failures', async () => {
    const c = new ReadCache();
    await expect(
      c.load(1, 'k', async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    expect(c.size).toBe(0);
    expect(await c.load(1, 'k', async () => 'ok')).toBe('ok');
  });

  it('evicts the least recently used entries beyond its byte budget', async () => {
    // Each entry: 700 bytes of value plus key and overhead (~960 in all): eight fit in 8,000, nine do not.
    const c = new ReadCache(8_000);
    let runs = 0;
    const compute = async () => ++runs;
    const cost = () => 700;
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) await c.load(1, k, compute, cost);
    expect(c.size).toBe(8);
    await c.load(1, 'a', compute, cost); // a is now the most recent
    await c.load(1, 'i', compute, cost); // evicts b
    expect(c.bytes).toBeLessThanOrEqual(c.maxBytes);
    expect(await c.load(1, 'a', compute, cost)).toBe(1);
    expect(await c.load(1, 'b', compute, cost)).toBe(10);
  });

  it("keeps entries under a share's prefix within that share, leaving the rest alone", () => {
    const c = new ReadCache(1 << 20, { 'answer|': 8_000 });
    c.set(1, 'chunk|a', 'data', 10_000);
    for (let i = 0; i < 50; i++) {
      c.set(1, `answer|/api/meta?i=${i}`, 'x', 100);
      expect(c.sharedBytes('answer|')).toBeLessThanOrEqual(8_000);
    }
    expect(c.peek(1, 'chunk|a')).toBe('data');
    expect(c.peek(1, 'answer|/api/meta?i=49')).toBe('x');
    expect(c.peek(1, 'answer|/api/meta?i=0')).toBeUndefined();
  });

  it('refuses a value over an eighth of its budget', () => {
    const c = new ReadCache(8_000);
    c.set(1, 'big', 'x', 1_000);
    expect(c.size).toBe(0);
  });

  it("drops every other version once one is served, and lists a version's keys by prefix", async () => {
    const c = new ReadCache();
    c.set(1, 'chunk|x', 'old', 10);
    c.set(2, 'chunk|y', 'new', 10);
    c.set(2, 'meta', 'm', 10);
    expect(c.keys(2, 'chunk|')).toEqual(['chunk|y']);
    c.serving(2);
    expect(c.keys(1)).toEqual([]);
    expect(c.peek(2, 'meta')).toBe('m');
    c.delete(2, 'meta');
    expect(c.size).toBe(1);
  });

  it('does not store a computation that finished after its version was dropped', async () => {
    const c = new ReadCache();
    let release!: (v: string) => void;
    const pending = c.load(
      1,
      'k',
      () =>
        new Promise<string>((r) => {
          release = r;
        }),
    );
    c.serving(2);
    release('late');
    expect(await pending).toBe('late');
    expect(c.size).toBe(0);
  });

  it('takes its budget from the configuration alone: the data, plus whole answers as a share of their own', () => {
    const c = readCacheFor({ responseCacheBytes: 32 << 20 });
    expect(c.maxBytes).toBe(DATA_CACHE_BYTES + (32 << 20));
    expect(c.budgetOf(ANSWER)).toBe(32 << 20);
    expect(c.budgetOf('chunk|')).toBe(c.maxBytes);
    const none = readCacheFor({ responseCacheBytes: 0 });
    expect(none.budgetOf(ANSWER)).toBe(0);
    none.serving(1);
    none.set(1, `${ANSWER}/api/meta?`, {}, 10);
    expect(none.size).toBe(0);
  });
});
