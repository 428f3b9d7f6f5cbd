/**
 * What a chart frame says about where its numbers come from: the status badges by the title,
 * what modelled numbers rest on, and each row's status, basis and source for the table and downloads.
 */
import type { Status } from '../api/types';
import type { RowProvenance } from './csv';
import { hasIllustrative, uniqueStatuses } from './status';

/** Statuses of a frame and the provenance of each of its rows. */
export interface FrameProvenance<Row> {
  /** The chart's own statuses, once each. */
  shown: Status[];
  /** Basis statuses worth saying beside `shown` (see `frameProvenance`). */
  restsOn: Status[];
  /** Some numbers are, or rest on, generated values: the frame shows the illustrative note. */
  illustrative: boolean;
  rows: RowProvenance<Row>;
}

/**
 * Row provenance defaults to the chart's: its statuses, its basis (when there is one) and its
 * source, so a CSV row always says what it is even when the page gives nothing per row.
 */
export function frameProvenance<Row>(
  statuses: readonly Status[],
  basis: readonly Status[],
  source: string,
  provenance: Partial<RowProvenance<Row>> = {},
): FrameProvenance<Row> {
  const shown = uniqueStatuses(statuses);
  // Basis statuses other than the chart's own, so "official · rests on official" is not repeated.
  const restsOn = uniqueStatuses(basis).filter((s) => !shown.includes(s) || s === 'illustrative');
  return {
    shown,
    restsOn,
    illustrative: hasIllustrative(shown) || hasIllustrative(basis),
    rows: {
      status: provenance.status ?? (() => shown),
      basis: provenance.basis ?? (basis.length ? () => basis : undefined),
      source: provenance.source ?? (() => source),
    },
  };
}
