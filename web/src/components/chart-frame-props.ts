/**
 * What a page hands a chart frame, and the same with defaults applied (`frameDefaults`), so the
 * frame's parts (head, body, foot, downloads) all read one set of values.
 */
import type { Status } from '../api/types';
import type { LevelId } from '../adapters/basis';
import type { Column, RowProvenance } from './csv';
import type { LegendItem } from './png';
import type { LoadStatus } from './states';

export interface ChartFrameProps<Row> {
  title: string;
  subtitle?: string;
  /** Axis units, e.g. "persons" or "% of labour force". */
  unit: string;
  /** A sentence or two on what the chart shows, for screen readers (the image's name follows the title). */
  summary?: string;
  /** Citation shown under the chart and written into downloads. */
  source: string;
  /** Statuses of the numbers drawn (e.g. official history and a modelled forecast): badges by the title. */
  statuses: readonly Status[];
  /** What the modelled numbers rest on (statuses of the observations behind them). */
  basis?: readonly Status[];
  /** Data levels the chart rests on, to name the illustrative ones in the note. */
  levels?: readonly LevelId[];
  /** Per-row status, basis and source for the table's status column and the CSV (default: the chart's). */
  provenance?: Partial<RowProvenance<Row>>;
  legend?: LegendItem[];
  columns: Column<Row>[];
  rows: Row[];
  filename: string;
  status: LoadStatus;
  emptyMessage?: string;
  height?: number;
  /** Extra controls shown in the header (selectors). */
  controls?: React.ReactNode;
  /** Let the content set its own height (tile map) instead of a fixed chart height. */
  fitContent?: boolean;
  /** Extra line under the chart (e.g. the backtest accuracy of the forecast shown). */
  footnote?: React.ReactNode;
  /** Explanations drawn under the chart and into the PNG (e.g. a series break and how it is spliced). */
  notes?: string[];
  /** The chart still shows the previous answer while a new one loads (e.g. another scenario): dimmed, `aria-busy`. */
  updating?: boolean;
  children: React.ReactNode;
}

/** The props with every optional list, height and flag filled in. */
export type FrameSpec<Row> = ChartFrameProps<Row> &
  Required<Pick<ChartFrameProps<Row>, 'basis' | 'levels' | 'provenance' | 'legend' | 'height' | 'notes' | 'updating'>>;

/** Applies the defaults: no basis, levels, legend or notes; the chart's own provenance; 300 px high; not updating. */
export function frameDefaults<Row>(props: ChartFrameProps<Row>): FrameSpec<Row> {
  return {
    ...props,
    basis: props.basis ?? [],
    levels: props.levels ?? [],
    provenance: props.provenance ?? {},
    legend: props.legend ?? [],
    height: props.height ?? 300,
    notes: props.notes ?? [],
    updating: props.updating ?? false,
  };
}
