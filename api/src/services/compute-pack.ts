/**
 * How an OutlookSet is stored: gzip+base64 JSON chunks — summaries, targets, and
 * forecasts and gaps per scenario and region. Shared by the worker and the main thread.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { OutlookSet } from '@lmo/models';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Stored once per version (scenario `*`). */
export interface SetSummary {
  baseYear: number;
  horizon: number;
  scenarios: OutlookSet['scenarios'];
  timingMs: Record<string, number>;
}

/** Stored once per scenario. */
export type OutlookSummary = Omit<OutlookSet['outlooks'][string], 'forecasts' | 'gaps' | 'targets'>;

export type ChunkKind = 'set' | 'outlook' | 'targets' | 'forecasts' | 'gaps';

/** One chunk before compression. */
export interface Chunk {
  kind: ChunkKind;
  scenario: string;
  key: string;
  items: number;
  value: unknown;
}

/** A chunk ready for the `results` table. */
export interface PackedChunk {
  kind: ChunkKind;
  scenario: string;
  key: string;
  items: number;
  data: string;
}

function groupByRegion<T extends { region: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    let list = out.get(item.region);
    if (!list) out.set(item.region, (list = []));
    list.push(item);
  }
  return out;
}

/** Splits an OutlookSet into chunks: summaries, targets, and forecasts and gaps per region. */
export function toChunks(set: OutlookSet): Chunk[] {
  const summary: SetSummary = { baseYear: set.baseYear, horizon: set.horizon, scenarios: set.scenarios, timingMs: set.timingMs };
  const chunks: Chunk[] = [{ kind: 'set', scenario: '*', key: 'summary', items: set.scenarios.length, value: summary }];
  for (const [scenario, outlook] of Object.entries(set.outlooks)) {
    const { forecasts, gaps, targets, ...rest } = outlook;
    chunks.push({ kind: 'outlook', scenario, key: 'summary', items: 1, value: rest });
    chunks.push({ kind: 'targets', scenario, key: 'all', items: targets.length, value: targets });
    for (const [region, list] of groupByRegion(forecasts)) chunks.push({ kind: 'forecasts', scenario, key: region, items: list.length, value: list });
    for (const [region, list] of groupByRegion(gaps)) chunks.push({ kind: 'gaps', scenario, key: region, items: list.length, value: list });
  }
  return chunks;
}

/** base64(gzip(JSON)) of a value; gzip level 1 keeps writes fast and still shrinks ~7×. */
export const packChunk = async (value: unknown): Promise<string> =>
  (await gzipAsync(JSON.stringify(value), { level: 1 })).toString('base64');

/** Inverse of packChunk. */
export const unpackChunk = async <T>(data: string): Promise<T> =>
  JSON.parse((await gunzipAsync(Buffer.from(data, 'base64'))).toString('utf8')) as T;

/** Every chunk of `set`, packed. */
export async function packChunks(set: OutlookSet): Promise<PackedChunk[]> {
  return Promise.all(toChunks(set).map(async ({ value, ...c }) => ({ ...c, data: await packChunk(value) })));
}
