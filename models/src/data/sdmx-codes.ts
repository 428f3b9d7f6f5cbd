/**
 * Built-in map of GSO's NSDP SDMX series (LMIVNM, GDPVNM, POPVNM; IMF ECOFIN
 * DSD) onto the long format. Meanings are GSO's own indicator descriptions
 * (dsbb_indicator_desc): e.g. `LUR15O_PT` is "Unemployment Rate of the youth
 * aged 15-24" despite its name. Earnings (`LME*_AVG_XDC`), urban/rural
 * population, sub-sections A01–A03, the ISIC3 / 1994-base series, GDP and its
 * expenditure components are deliberately not mapped (the project has no
 * indicator for them). The release has no total gross value added series, so
 * `TOTAL` is not mapped for value added: sum the sections (or B-F, G-U, A).
 */
import type { SdmxCode } from './sdmx-types';

/** VND (UNIT_MULT 9 = billions) → billion VND: undo the 10^9. */
const BILLION = 1e-9;

const SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'];

function valueAdded(): Record<string, SdmxCode> {
  const out: Record<string, SdmxCode> = {};
  for (const s of SECTIONS) {
    out[`NGDPVA_R_ISIC4_${s}_XDC`] = { indicator: 'value_added_real', sector: s, unit: 'billion_vnd', scale: BILLION };
    out[`NGDPVA_ISIC4_${s}_XDC`] = { indicator: 'value_added_nominal', sector: s, unit: 'billion_vnd', scale: BILLION };
  }
  for (const [suffix, sector] of [
    ['BTF', 'B-F'],
    ['GTT', 'G-U'],
  ] as const) {
    out[`VNM_NGDPVA_R_ISIC4_${suffix}_XDC`] = { indicator: 'value_added_real', sector, unit: 'billion_vnd', scale: BILLION };
    out[`VNM_NGDPVA_ISIC4_${suffix}_XDC`] = { indicator: 'value_added_nominal', sector, unit: 'billion_vnd', scale: BILLION };
  }
  return out;
}

const persons = (indicator: string, sector?: string): SdmxCode => (sector ? { indicator, sector, unit: 'persons' } : { indicator, unit: 'persons' });

export const GSO_NSDP_CODES: Record<string, SdmxCode> = {
  // LMIVNM: Labour Force Survey, quarterly, thousands of persons (UNIT_MULT 3). The LFS counts people aged 15+,
  // so the sex groups are M:ALL / F:ALL (nobody younger is in the labour force).
  LLF_PE_NUM: persons('labour_force'),
  LLFM_PE_NUM: persons('labour_force_by_group', 'M:ALL'),
  LLFF_PE_NUM: persons('labour_force_by_group', 'F:ALL'),
  LE_PE_NUM: persons('employment'),
  LEMTOT_PE_NUM: persons('employment_by_group', 'M:ALL'),
  LEFTOT_PE_NUM: persons('employment_by_group', 'F:ALL'),
  LU_PE_NUM: persons('unemployed'),
  LUM_PE_NUM: persons('unemployed_by_group', 'M:ALL'),
  LUF_PE_NUM: persons('unemployed_by_group', 'F:ALL'),
  // Rates: percent; GSO's UNIT_MULT 3 on them is ignored (see SdmxCode.unitMult).
  LUR_PT: { indicator: 'unemployment_rate', unit: 'percent' },
  LUR15O_PT: { indicator: 'unemployment_rate_youth', unit: 'percent' },
  LEU_PT: { indicator: 'underemployment_rate', unit: 'percent' },
  // POPVNM: average population, annual, thousands.
  LP_PE_NUM: persons('population'),
  LPM_PE_NUM: persons('population_by_group', 'M:ALL'),
  LPF_PE_NUM: persons('population_by_group', 'F:ALL'),
  VNM_LP_RRD_PE_NUM: { indicator: 'population', region: 'RRD', unit: 'persons' },
  VNM_LP_NMM_PE_NUM: { indicator: 'population', region: 'NMM', unit: 'persons' },
  VNM_LP_NCCC_PE_NUM: { indicator: 'population', region: 'NCCC', unit: 'persons' },
  VNM_LP_CH_PE_NUM: { indicator: 'population', region: 'CH', unit: 'persons' },
  VNM_LP_SE_PE_NUM: { indicator: 'population', region: 'SE', unit: 'persons' },
  VNM_LP_MRD_PE_NUM: { indicator: 'population', region: 'MRD', unit: 'persons' },
  // GDPVNM: gross value added by VSIC 2018 section and broad sector, billions of VND (UNIT_MULT 9).
  ...valueAdded(),
};
