/**
 * One row of the long format shared by seeds, uploads, exports and tests:
 * `indicator,period,region,sector,qualification,value,unit,source,status`.
 */
export type ObservationStatus = 'official' | 'modelled' | 'survey';
export type Unit = 'persons' | 'percent';

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
export const LONG_COLUMNS = [
  'indicator', 'period', 'region', 'sector', 'qualification', 'value', 'unit', 'source', 'status',
] as const;
