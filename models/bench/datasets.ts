/**
 * Loads the competition data in ../shared/benchmarks (M3 and tourism,
 * yearly and quarterly). Only the bench reads these files; the app and the
 * tests never need them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Frequency, Series } from '../src/forecast/index';
import { splitHalf, type Half } from './split';

/** Repository root (models/bench → ../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Shared reference material lives beside the repository, not inside it. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const BENCHMARKS_DIR = path.join(SHARED_DIR, 'benchmarks');

export interface DatasetInfo {
  /** Name used on the command line and in output files. */
  name: string;
  dir: string;
  /** File stem in benchmarks/reference_r. */
  referenceFile: string;
  /** Submitted M3 forecasts, when they exist (metric check). */
  originalForecasts?: string;
  /** Where the MASE scale is measured (see PUBLISHED.md §0). */
  scaleOver: 'train' | 'train+test';
}

export const DATASETS: DatasetInfo[] = [
  { name: 'm3-yearly', dir: 'm3/yearly', referenceFile: 'm3_yearly', originalForecasts: 'm3/original_forecasts/yearly.csv', scaleOver: 'train' },
  { name: 'm3-quarterly', dir: 'm3/quarterly', referenceFile: 'm3_quarterly', originalForecasts: 'm3/original_forecasts/quarterly.csv', scaleOver: 'train' },
  { name: 'tourism-yearly', dir: 'tourism/yearly', referenceFile: 'tourism_yearly', scaleOver: 'train+test' },
  { name: 'tourism-quarterly', dir: 'tourism/quarterly', referenceFile: 'tourism_quarterly', scaleOver: 'train+test' },
];

/** One competition series: the training part as an engine Series, plus the held-out test values. */
export interface BenchSeries {
  id: string;
  train: Series;
  test: number[];
  horizon: number;
}

/** Exit with a clear message when ../shared is missing (e.g. on a fresh clone). */
export function requireBenchmarks(): void {
  if (!existsSync(BENCHMARKS_DIR)) {
    console.error(
      `Benchmark data not found at ${BENCHMARKS_DIR}.\n` +
        'The bench reads the M3 and tourism competition files from ../shared/benchmarks next to the repository; ' +
        'the app and tests do not need them.',
    );
    process.exit(2);
  }
}

/** Parse a plain header CSV into objects (all fields as strings), after `skipLines` preamble lines (WDI files have 4). */
export function readCsv(file: string, skipLines = 0): Record<string, string>[] {
  let text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  for (let i = 0; i < skipLines; i++) text = text.slice(text.indexOf('\n') + 1);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new Error(`${file}: row ${e.row}: ${e.message}`);
  }
  return parsed.data;
}

/** Load every series of a dataset, in file order. */
export function loadDataset(info: DatasetInfo): BenchSeries[] {
  const dir = path.join(BENCHMARKS_DIR, info.dir);
  const meta = readCsv(path.join(dir, 'series.csv'));
  const train = new Map<string, number[]>();
  const test = new Map<string, number[]>();
  for (const row of readCsv(path.join(dir, 'values.csv'))) {
    const target = row.split === 'train' ? train : test;
    let list = target.get(row.series_id!);
    if (!list) target.set(row.series_id!, (list = []));
    list.push(Number(row.value));
  }
  return meta.map((m) => {
    const frequency = Number(m.frequency) as Frequency;
    // `1984Q1` → `1984-Q1`, the engine's canonical label.
    const start = m.start!.replace(/^(\d{4})Q([1-4])$/, '$1-Q$2');
    return {
      id: m.series_id!,
      train: { values: train.get(m.series_id!)!, start, frequency },
      test: test.get(m.series_id!)!,
      horizon: Number(m.horizon),
    };
  });
}

/** Point forecasts in the `method,series_id,h,value` format, grouped by method then series. */
export function loadForecastFile(file: string): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  for (const row of readCsv(file)) {
    let bySeries = out.get(row.method!);
    if (!bySeries) out.set(row.method!, (bySeries = new Map()));
    let values = bySeries.get(row.series_id!);
    if (!values) bySeries.set(row.series_id!, (values = []));
    values[Number(row.h) - 1] = Number(row.value);
  }
  return out;
}

/** One half of a dataset (split.ts): `tuning` for every tune-* script, `evaluation` for reporting. */
export function loadHalf(info: DatasetInfo, half: Half): BenchSeries[] {
  return splitHalf(loadDataset(info), half);
}
