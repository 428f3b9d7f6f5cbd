/** Shapes shared by the SDMX readers (XML and CSV) and `sdmxToLong`. */
import type { LongIssue } from './csv-sniff';
import type { Unit } from './observation';

/** One observation of a series. */
export interface SdmxObs {
  /** Normalised: `2023` or `2023-Q4`. */
  period: string;
  /** Null when not available (`na`, empty, `NaN`). */
  value: number | null;
  /** OBS_VALUE as written. */
  raw: string;
  /** Letters GSO appends to some values (`519.4sb`): the number is kept, the flag reported. */
  flag?: string;
  line: number;
}

/** One series: every attribute of `<Series>` (or every dimension column of SDMX-CSV) and its observations. */
export interface SdmxSeries {
  attrs: Record<string, string>;
  line: number;
  obs: SdmxObs[];
}

export interface SdmxMessage {
  series: SdmxSeries[];
  /** Header/Prepared timestamp, when present. */
  prepared?: string;
  /** Syntax and value problems (`BAD_XML`, `BAD_PERIOD`, `NOT_A_NUMBER`, `CSV_SYNTAX`, …). */
  errors: LongIssue[];
}

/** How one SDMX series maps onto the long format. */
export interface SdmxCode {
  indicator: string;
  sector?: string;
  qualification?: string;
  /** Default: from REF_AREA (`VN`/`VNM` → `VN`, else any region code or name). */
  region?: string;
  unit: Unit;
  /** Multiplier applied after UNIT_MULT, e.g. 1e-9 to turn VND (UNIT_MULT 9) into billion VND. */
  scale?: number;
  /**
   * Overrides the series' UNIT_MULT. Percentages ignore UNIT_MULT unless this is set:
   * GSO tags its rates with UNIT_MULT 3, which would make 2.3 % read as 2300.
   */
  unitMult?: number;
}
