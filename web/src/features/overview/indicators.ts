/** Indicator codes of the official national series shown on the overview (see models/src/labour/codes.ts). */
export const KPI_INDICATORS = [
  { code: 'labour_force', unit: 'persons' },
  { code: 'employment', unit: 'persons' },
  { code: 'trained_share_certified', unit: 'percent' },
  { code: 'trained_share_broad', unit: 'percent' },
  { code: 'unemployment_rate', unit: 'percent' },
] as const;

/** The national cell: whole country, all sectors, all qualification levels. */
export const NATIONAL = { region: 'VN', sector: 'TOTAL', qualification: 'ALL' } as const;

/**
 * The overview's first chart: the national labour system (labour force, employment, unemployment
 * rate), always 10 years ahead. Its requests are preloaded by the landing view's HTML (landing-preload.ts).
 */
export const SYSTEM_INDICATORS = { labourForce: 'labour_force', employment: 'employment', unemploymentRate: 'unemployment_rate' } as const;
export const SYSTEM_HORIZON = 10;
