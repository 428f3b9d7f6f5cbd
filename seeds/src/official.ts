/**
 * Official national (and GSO-regional) figures that VIETNAM_FACTS.md marks
 * confirmed (C), or confirmed-approximate (C~) where the source text says so.
 * Unconfirmed (U) figures are never here: where the engine needs a value for
 * such a year, the generator models it and labels it `modelled`.
 */
import type { Observation } from '@lmo/models';

const TEXTBOOK = 'GSO Statistical Yearbook, cited in Geography 12 textbook (github.com/SonPhatTranDeveloper/rag-high-school-book, commit 1133e7ce)';
const CTU = 'GSO (2020), cited in "Toàn cảnh nguồn nhân lực ĐBSCL", Can Tho University, table 4.2';
const VNA_2023 = 'GSO annual LFS 2022, reported by VNA/Vietnam+ (2 Jan 2023)';
const GSO_2023 = 'GSO annual LFS 2023, reported by Vietnam+/SGGP (2 Jan 2024)';
const GSO_2024 = 'GSO annual LFS 2024, cited by Báo Dân tộc (2025)';
const GSO_2025 = 'GSO 2025 socio-economic report, reported by Lao Động (Japanese edition)';
const LFS_2021 = 'GSO Labour Force Survey report 2021 (via Geography 12 textbook and khoahocphattrien.vn)';
const VNA_UNEMP = 'GSO, reported by VNA';
const MOLISA_2024 = 'MOLISA year-end 2024 report, via vietnam.vn (27 Dec 2024)';
const REGIONS_BEFORE_2025 = 'regions as defined before July 2025';

type Row = [indicator: string, period: string, region: string, sector: string, value: number, source: string];

const M = 1_000_000;

const ROWS: Row[] = [
  // Labour force 15+ (persons). 2010–2020 old LFS basis, 2021– new basis (SERIES_BREAKS).
  ['labour_force', '2010', 'VN', 'TOTAL', 50.4 * M, TEXTBOOK],
  ['labour_force', '2015', 'VN', 'TOTAL', 54.3 * M, TEXTBOOK],
  ['labour_force', '2019', 'VN', 'TOTAL', 55.8 * M, `${TEXTBOOK}; Census 2019 via VNS/vietnamnet`],
  ['labour_force', '2020', 'VN', 'TOTAL', 54.6 * M, 'GSO annual LFS 2020 as first published (before the 2021 re-weighting), reported by Nhân Dân'],
  ['labour_force', '2021', 'VN', 'TOTAL', 50.6 * M, LFS_2021],
  ['labour_force', '2022', 'VN', 'TOTAL', 51.7 * M, VNA_2023],
  ['labour_force', '2023', 'VN', 'TOTAL', 52.4 * M, GSO_2023],
  ['labour_force', '2025', 'VN', 'TOTAL', 53.5 * M, GSO_2025],
  // Employed 15+ (persons), new basis only: earlier years are unconfirmed.
  ['employment', '2021', 'VN', 'TOTAL', 49.1 * M, LFS_2021],
  ['employment', '2022', 'VN', 'TOTAL', 50.6 * M, VNA_2023],
  ['employment', '2023', 'VN', 'TOTAL', 51.3 * M, GSO_2023],
  ['employment', '2024', 'VN', 'TOTAL', 51.9 * M, GSO_2024],
  ['employment', '2025', 'VN', 'TOTAL', 52.4 * M, GSO_2025],
  // Employed by broad sector (persons), published in millions to one decimal.
  ['employment', '2021', 'VN', 'A', 14.3 * M, LFS_2021],
  ['employment', '2021', 'VN', 'B-F', 16.2 * M, LFS_2021],
  ['employment', '2021', 'VN', 'G-U', 18.6 * M, LFS_2021],
  ['employment', '2023', 'VN', 'A', 13.8 * M, GSO_2023],
  ['employment', '2023', 'VN', 'B-F', 17.2 * M, GSO_2023],
  ['employment', '2023', 'VN', 'G-U', 20.3 * M, GSO_2023],
  ['employment', '2024', 'VN', 'A', 13.7 * M, `${MOLISA_2024}; approximate (C~), 13.7 million`],
  // Share of employment by broad sector (%).
  ['employment_share', '2010', 'VN', 'A', 48.4, TEXTBOOK],
  ['employment_share', '2010', 'VN', 'B-F', 20.9, TEXTBOOK],
  ['employment_share', '2010', 'VN', 'G-U', 30.7, TEXTBOOK],
  ['employment_share', '2015', 'VN', 'A', 43.6, TEXTBOOK],
  ['employment_share', '2015', 'VN', 'B-F', 23.0, TEXTBOOK],
  ['employment_share', '2015', 'VN', 'G-U', 33.4, TEXTBOOK],
  ['employment_share', '2019', 'VN', 'A', 34.7, `${TEXTBOOK}; Census 2019 via VNS/vietnamnet`],
  ['employment_share', '2019', 'VN', 'B-F', 29.4, `${TEXTBOOK}; Census 2019 via VNS/vietnamnet`],
  ['employment_share', '2019', 'VN', 'G-U', 35.9, `${TEXTBOOK}; Census 2019 via VNS/vietnamnet`],
  ['employment_share', '2021', 'VN', 'A', 29.1, LFS_2021],
  ['employment_share', '2021', 'VN', 'B-F', 33.1, LFS_2021],
  ['employment_share', '2021', 'VN', 'G-U', 37.8, LFS_2021],
  ['employment_share', '2023', 'VN', 'A', 26.9, `${GSO_2023}; share computed from the published counts`],
  ['employment_share', '2023', 'VN', 'B-F', 33.5, `${GSO_2023}; share computed from the published counts`],
  ['employment_share', '2023', 'VN', 'G-U', 39.6, `${GSO_2023}; share computed from the published counts`],
  // Unemployment rate, working age (%).
  ['unemployment_rate', '2011', 'VN', 'TOTAL', 2.2, VNA_UNEMP],
  ['unemployment_rate', '2012', 'VN', 'TOTAL', 1.99, VNA_UNEMP],
  ['unemployment_rate', '2021', 'VN', 'TOTAL', 3.22, LFS_2021],
  ['unemployment_rate', '2022', 'VN', 'TOTAL', 2.32, VNA_2023],
  ['unemployment_rate', '2024', 'VN', 'TOTAL', 2.24, GSO_2024],
  ['unemployment_rate', '2025', 'VN', 'TOTAL', 2.22, GSO_2025],
  // Labour force with a degree or certificate (%), GSO definition.
  ['trained_share_certified', '2010', 'VN', 'TOTAL', 14.6, CTU],
  ['trained_share_certified', '2015', 'VN', 'TOTAL', 20.4, CTU],
  ['trained_share_certified', '2019', 'VN', 'TOTAL', 22.8, CTU],
  ['trained_share_certified', '2020', 'VN', 'TOTAL', 24.1, 'GSO 2020, cited in "Toàn cảnh nguồn nhân lực ĐBSCL", Can Tho University'],
  ['trained_share_certified', '2021', 'VN', 'TOTAL', 26.1, LFS_2021],
  ['trained_share_certified', '2023', 'VN', 'TOTAL', 27.0, `${GSO_2023}; approximate (C~): "only 27 % has formal training"`],
  ['trained_share_certified', '2024', 'VN', 'TOTAL', 28.1, `${MOLISA_2024}; approximate (C~)`],
  ['trained_share_broad', '2024', 'VN', 'TOTAL', 68.7, `${MOLISA_2024}; MOLISA broad definition incl. short courses`],
];

// Trained share by GSO region, 2010 / 2015 / 2019 (CTU table 4.2).
const REGIONAL_TRAINED: [string, number, number, number][] = [
  ['RRD', 20.7, 28.7, 32.4], ['NMM', 13.3, 17.6, 18.2], ['NCCC', 12.7, 19.5, 21.5],
  ['CH', 10.4, 13.0, 14.3], ['SE', 19.5, 25.4, 28.1], ['MRD', 7.9, 11.7, 13.3],
];
for (const [region, a, b, c] of REGIONAL_TRAINED) {
  for (const [period, v] of [['2010', a], ['2015', b], ['2019', c]] as const) {
    ROWS.push(['trained_share_certified', period, region, 'TOTAL', v, `${CTU} (${REGIONS_BEFORE_2025})`]);
  }
}

/** All official rows, in a fixed order. */
export function officialRows(): Observation[] {
  return ROWS.map(([indicator, period, region, sector, value, source]) => ({
    indicator, period, region, sector, qualification: 'ALL',
    value: Math.round(value * 100) / 100,
    unit: indicator === 'employment' || indicator === 'labour_force' ? 'persons' : 'percent',
    source, status: 'official',
  }));
}

/** Look up an official value (for the generator's constraints). */
export function officialValue(indicator: string, period: string, region = 'VN', sector = 'TOTAL'): number | undefined {
  const r = ROWS.find((x) => x[0] === indicator && x[1] === period && x[2] === region && x[3] === sector);
  return r ? Math.round(r[4] * 100) / 100 : undefined;
}
