/**
 * How an OutlookSet is stored: gzip+base64 JSON chunks — summaries, targets, and
 * forecasts and gaps per scenario and region. Shared by the worker and the main thread.
 * Packing is done chunk by chunk while computing, to keep the worker's peak memory low.
 */
import { promisify } from 'node:util';
import { gunzip, gzipSync } from 'node:zlib';
import type { Observation, Outlook, OutlookSet } from '@lmo/models';
import { computeBase, scenarioOutlooks, SCENARIOS, baselineValues, scenarioBaselineOf, type OutlookOptions, type BaselineValues } from '@lmo/models/labour';

const gunzipAsync = promisify(gunzip);

/** Stored once per version (scenario `*`). */
export interface SetSummary {
  baseYear: number;
  horizon: number;
  scenarios: OutlookSet['scenarios'];
  timingMs: Record<string, number>;
  /** The baseline values the scenario builder shows beside each lever (absent in results stored before issue 13). */
  scenarioBaseline?: BaselineValues;
}

/** Stored once per scenario. */
export type OutlookSummary = Omit<OutlookSet['outlooks'][string], 'forecasts' | 'gaps' | 'targets'>;

/** `system-backtest`: the system's own backtest on the version's data, written after the rest (system-backtest-run.ts). */
export type ChunkKind = 'set' | 'outlook' | 'targets' | 'forecasts' | 'gaps' | 'system-backtest';

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

/** One scenario's chunks: its summary, targets, and forecasts and gaps per region. */
export function scenarioChunks(outlook: Outlook): Chunk[] {
  const { forecasts, gaps, targets, ...rest } = outlook;
  const scenario = outlook.scenario.id;
  const chunks: Chunk[] = [
    { kind: 'outlook', scenario, key: 'summary', items: 1, value: rest },
    { kind: 'targets', scenario, key: 'all', items: targets.length, value: targets },
  ];
  for (const [region, list] of groupByRegion(forecasts)) chunks.push({ kind: 'forecasts', scenario, key: region, items: list.length, value: list });
  for (const [region, list] of groupByRegion(gaps)) chunks.push({ kind: 'gaps', scenario, key: region, items: list.length, value: list });
  return chunks;
}

/**
 * base64(gzip(JSON)) of a value; gzip level 1 keeps writes fast and still shrinks ~7×. Synchronous:
 * it runs in the compute worker, where blocking is the point.
 */
const packChunkSync = (value: unknown): string => gzipSync(JSON.stringify(value), { level: 1 }).toString('base64');

/** Inverse of packChunkSync. */
export const unpackChunk = async <T>(data: string): Promise<T> => JSON.parse((await gunzipAsync(Buffer.from(data, 'base64'))).toString('utf8')) as T;

/** A chunk packed for the `results` table. */
export const pack = ({ value, ...c }: Chunk): PackedChunk => ({ ...c, data: packChunkSync(value) });

/**
 * Computes a version's outlook on this thread and hands each packed chunk to
 * `onChunk` as soon as it is built, scenario by scenario, so only one scenario's
 * rows and one chunk's JSON are alive at once (the set summary, with the
 * timings, comes last). `take` hands over the observations; nothing here keeps
 * them once the base projection is fitted. Returns the timings.
 */
export function computePacked(take: () => readonly Observation[], options: OutlookOptions, onChunk: (chunk: PackedChunk) => void): Record<string, number> {
  const t0 = performance.now();
  const base = computeBase(take(), options);
  const t1 = performance.now();
  for (const outlook of scenarioOutlooks(base, options)) {
    for (const chunk of scenarioChunks(outlook)) onChunk(pack(chunk));
  }
  const baseMs = t1 - t0;
  const scenariosMs = performance.now() - t1;
  const timingMs = { ...base.timingMs, base: baseMs, scenarios: scenariosMs, total: baseMs + scenariosMs };
  const scenarios = options.scenarios ?? SCENARIOS;
  const summary: SetSummary = {
    baseYear: base.baseYear,
    horizon: base.horizon,
    scenarios,
    timingMs,
    scenarioBaseline: baselineValues(scenarioBaselineOf(base)),
  };
  onChunk(pack({ kind: 'set', scenario: '*', key: 'summary', items: scenarios.length, value: summary }));
  return timingMs;
}
