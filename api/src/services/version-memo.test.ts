import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { VersionMemo } from './version-memo';

const memo = (max?: number) => new VersionMemo({} as Db, 250, { maxEntries: max });

describe('VersionMemo', () => {
  it('computes once per version and key, and again for a new version', async () => {
    const m = memo();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await m.get(1, 'meta', compute)).toBe(1);
    expect(await m.get(1, 'meta', compute)).toBe(1);
    expect(await Promise.all([m.get(2, 'meta', compute), m.get(2, 'meta', compute)])).toEqual([2, 2]);
    expect(runs).toBe(2);
  });

  it('does not keep failures', async () => {
    const m = memo();
    await expect(m.get(1, 'k', async () => { throw new Error('database down'); })).rejects.toThrow('database down');
    expect(await m.get(1, 'k', async () => 'ok')).toBe('ok');
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    const m = memo(2);
    let runs = 0;
    const compute = async () => ++runs;
    await m.get(1, 'a', compute);
    await m.get(1, 'b', compute);
    await m.get(1, 'a', compute); // a is now the most recent
    await m.get(1, 'c', compute); // evicts b
    expect(await m.get(1, 'a', compute)).toBe(1);
    expect(await m.get(1, 'b', compute)).toBe(4);
  });
});
