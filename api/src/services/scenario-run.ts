/**
 * Computes planners' scenarios from one version's base projection (fitted once, kept): the
 * parameters are translated against that version's baseline and applied as a cheap transform
 * (models/src/labour/outlook.ts `outlookFor`). Used inside the scenario worker, and on the main
 * thread where workers are off (tests).
 */
import type { Observation } from '@lmo/models';
import {
  computeBase,
  outlookFor,
  scenarioBaselineOf,
  scenarioFromParameters,
  type BaseProjection,
  type ScenarioBaseline,
  type ScenarioParameters,
  type ScenarioLabel,
} from '@lmo/models/labour';
import { scenarioChunks, type ChunkKind } from './compute-pack';
import { rowsToColumns, transferablesOf, type RowColumns } from './row-columns';

/**
 * A scenario's chunk as it leaves the runner: the summary and targets as JSON text (parsed once,
 * held decoded), forecasts and gaps per region as columns (row-columns.ts). Forecast cells carry
 * no `history`: a scenario does not change the past, so it is read from the baseline's cell.
 */
export type RawChunk =
  | { kind: 'outlook' | 'targets'; scenario: string; key: string; items: number; json: string }
  | { kind: Extract<ChunkKind, 'forecasts' | 'gaps'>; scenario: string; key: string; items: number; columns: RowColumns };

/** The buffers of a run's chunks, to transfer from the worker instead of copying. */
export const chunkTransferables = (chunks: readonly RawChunk[]): ArrayBuffer[] => chunks.flatMap((c) => ('columns' in c ? transferablesOf(c.columns) : []));

/** What a run needs besides the parameters. */
export interface ScenarioJob {
  id: string;
  parameters: ScenarioParameters;
  label: ScenarioLabel;
}

/** One version's base projection and the scenarios computed from it. */
export class ScenarioRunner {
  private base?: BaseProjection;
  private baseline?: ScenarioBaseline;
  versionId?: number;

  /** Fits the base projection of a version (the observations are not kept). */
  init(versionId: number, rows: readonly Observation[]): void {
    this.base = undefined;
    this.base = computeBase(rows, { dataVersion: String(versionId) });
    this.baseline = scenarioBaselineOf(this.base);
    this.versionId = versionId;
  }

  /** One scenario's chunks (summary, targets, forecasts and gaps per region). Throws ForecastError on a lever the data cannot move. */
  run(job: ScenarioJob): RawChunk[] {
    if (!this.base || !this.baseline) throw new Error('scenario runner used before init');
    const scenario = scenarioFromParameters(job.parameters, this.baseline, { ...job.label, id: job.id });
    const outlook = outlookFor(this.base, scenario);
    return scenarioChunks(outlook).map(({ value, kind, ...c }): RawChunk => {
      if (kind === 'forecasts') return { ...c, kind, columns: rowsToColumns(value as object[], ['history']) };
      if (kind === 'gaps') return { ...c, kind, columns: rowsToColumns(value as object[]) };
      return { ...c, kind: kind as 'outlook' | 'targets', json: JSON.stringify(value) };
    });
  }
}
