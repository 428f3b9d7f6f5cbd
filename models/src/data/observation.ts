/**
 * One row of the long format shared by seeds, uploads, exports and tests:
 * `indicator,period,region,sector,qualification,value,unit,source,status`.
 */
/**
 * What a number is: `official` (GSO or a ministry, or the exact sum of published
 * figures), `international` (UN, ILO, World Bank), `modelled` (this project's model
 * from the above), `survey` (weighted from uploaded microdata) or `illustrative`
 * (generated where no real data exist; never evidence).
 */
export type ObservationStatus = 'official' | 'international' | 'modelled' | 'survey' | 'illustrative';

/** Every status, most trustworthy first (the order badges and legends use). */
export const OBSERVATION_STATUSES = ['official', 'international', 'survey', 'modelled', 'illustrative'] as const satisfies readonly ObservationStatus[];

/** Statuses measured on a published basis (a series break matters for them); modelled and illustrative values are consistent by construction. */
export const MEASURED_STATUSES: ReadonlySet<ObservationStatus> = new Set(['official', 'international', 'survey']);
/** `billion_vnd`: thousand million đồng (tỷ đồng), as GSO publishes value added. */
export type Unit = 'persons' | 'percent' | 'billion_vnd';

/** Every unit, in the order help texts list them. */
export const OBSERVATION_UNITS: readonly Unit[] = ['persons', 'percent', 'billion_vnd'];

export interface Observation {
  indicator: string;
  /** `2023` or `2023-Q4`. */
  period: string;
  /** `VN`, a socio-economic region code or a province-level unit code. */
  region: string;
  /** `TOTAL`, a VSIC 2018 section letter, or a new-field code such as `semiconductors`. */
  sector: string;
  /** `ALL`, `none`, `elementary`, `intermediate`, `college`, `university`. */
  qualification: string;
  value: number;
  unit: Unit;
  /** A citation a person can follow. */
  source: string;
  status: ObservationStatus;
}

/** Header of the long format, in column order. */
export const LONG_COLUMNS = ['indicator', 'period', 'region', 'sector', 'qualification', 'value', 'unit', 'source', 'status'] as const;
