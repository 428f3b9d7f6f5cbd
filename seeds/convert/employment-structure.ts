/**
 * `official-employment-structure.csv`: GSO's national LFS tables from the
 * online database (PX-Web, 2000s–2016, old basis): employment by the 21 VSIC
 * sections (and the broad groups as exact sums), by occupation (VSCO major
 * groups), by age group and sex; labour force by age group and sex; trained
 * share by qualification and by section; unemployment and underemployment
 * rates by region.
 */
import type { Observation } from '@lmo/models';
import { SECTION_CODES, sectionsOf } from '@lmo/models/codes';
import { longCells, pxSource, readPxTable, wideCells, type PxCell } from './px-series';
import { regionCodeOf } from './pxweb-table';
import { clean, obs, seedFile, thousandsToPersons, type SeedRows } from './rows';

const PE = 'Population_and_Employment';
const T = {
  sections: 'Annual employed population and annual employed population at 15 years of age and above by kinds of economic activity',
  occupation: 'Annual employed population at 15 years of age and above by occupation',
  empAge: 'Annual employed population at 15 years of age and above by age group',
  empSex: 'Annual employed population at 15 years of age and above by sex',
  lfAge: 'Labour force at 15 years of age and above by age group',
  lfSex: 'Labour force at 15 years of age and above by sex',
  trainedQual: 'Percentage of trained employed workers at 15 years of age and above by qualification',
  trainedSector: 'Percentage of trained employed workers at 15 years of age and above by kinds of economic activity',
  unempRegion: 'Unemployment and underemployment rate of labour force at working age by region',
};

/** First words of GSO's English section names, in VSIC order A–U (checked, so a reordered table fails loudly). */
const SECTION_WORDS = [
  'agriculture',
  'mining',
  'manufacturing',
  'electricity',
  'water',
  'construction',
  'wholesale',
  'transportation',
  'accommodation',
  'information',
  'financ',
  'realestate',
  'professional',
  'administrative',
  'activitiesofcommunist',
  'education',
  'humanhealth',
  'arts',
  'otherservice',
  'activitiesofhouseholds',
  'activitiesofextraterritorial',
];

function sectionOf(label: string, file: string): string {
  if (label.toUpperCase() === 'TOTAL') return 'TOTAL';
  const key = label.toLowerCase().replace(/[^a-z]/g, '');
  const i = SECTION_WORDS.findIndex((w) => key.startsWith(w));
  if (i < 0) throw new Error(`${file}: unknown activity "${label}"`);
  return SECTION_CODES[i];
}

const OCC_WORDS: [string, string][] = [
  ['TOTAL', 'TOTAL'],
  ['Leaders', 'OCC1'],
  ['High level', 'OCC2'],
  ['Mid-level', 'OCC3'],
  ['Clerks', 'OCC4'],
  ['Personal services', 'OCC5'],
  ['Skilled agricultural', 'OCC6'],
  ['Craft', 'OCC7'],
  ['Plant and machine', 'OCC8'],
  ['Unskilled', 'OCC9'],
  ['Others', 'OCC0'],
];

const QUAL: Record<string, [string, string]> = {
  TOTAL: ['ALL', ''],
  'Not any': ['none', '; "Not any" = none'],
  'Vocational training': ['elementary', '; crosswalk: "Vocational training" (short-term vocational, sơ cấp nghề) → elementary'],
  'Long-term vocational training': ['intermediate', '; crosswalk: "Long-term vocational training" (trung cấp) → intermediate'],
  College: ['college', ''],
  'Graduate and above': ['university', '; "Graduate and above" = university and above'],
};

const persons = (indicator: string, c: PxCell, table: string, dims: Parameters<typeof obs>[6], note = ''): Observation =>
  obs(indicator, String(c.year), thousandsToPersons(c.value), 'persons', pxSource(table, c.year, c.preliminary, note), 'official', dims);
const percent = (indicator: string, c: PxCell, table: string, dims: Parameters<typeof obs>[6], note = ''): Observation =>
  obs(indicator, String(c.year), clean(c.value), 'percent', pxSource(table, c.year, c.preliminary, note), 'official', dims);

const ageGroup = (label: string) => `T:${label.replace(/\s+/g, '')}`;

function sections(dir?: string): Observation[] {
  const t = readPxTable(`${PE}/${T.sections}.csv`, dir);
  const cells = wideCells(t, (h) => h.startsWith('Total'));
  const out = cells.map((c) => persons('employment', c, T.sections, { sector: sectionOf(c.label, t.file) }));
  // Broad groups as exact sums of the published sections (GSO's industry-construction and services).
  for (const broad of ['B-F', 'G-U']) {
    const parts = new Set(sectionsOf(broad));
    const byYear = new Map<number, { sum: number; c: PxCell }>();
    for (const c of cells) {
      if (!parts.has(sectionOf(c.label, t.file))) continue;
      const e = byYear.get(c.year) ?? { sum: 0, c };
      e.sum += thousandsToPersons(c.value);
      byYear.set(c.year, e);
    }
    for (const [year, { sum, c }] of byYear) {
      out.push(
        obs(
          'employment',
          String(year),
          sum,
          'persons',
          pxSource(T.sections, year, c.preliminary, `; sum of the published sections ${[...parts][0]}–${[...parts].at(-1)}`),
          'official',
          { sector: broad },
        ),
      );
    }
  }
  return out;
}

function occupations(dir?: string): Observation[] {
  const t = readPxTable(`${PE}/${T.occupation}.csv`, dir);
  return wideCells(t).map((c) => {
    const hit = OCC_WORDS.find(([w]) => c.label.startsWith(w));
    if (!hit) throw new Error(`${t.file}: unknown occupation "${c.label}"`);
    const note = hit[1] === 'OCC0' ? '; "Others" (the tenth VSCO 2008 major group) read as group 0, armed forces' : '';
    return persons('employment_by_occupation', c, T.occupation, { sector: hit[1] }, note);
  });
}

function byAgeAndSex(dir?: string): Observation[] {
  const out: Observation[] = [];
  const empAge = readPxTable(`${PE}/${T.empAge}.csv`, dir);
  for (const c of wideCells(empAge)) if (c.label !== 'TOTAL') out.push(persons('employment_by_group', c, T.empAge, { sector: ageGroup(c.label) }));
  const lfAge = readPxTable(`${PE}/${T.lfAge}.csv`, dir);
  for (const c of longCells(lfAge, 1, (r) => r[0].startsWith('Total'))) {
    if (c.column !== 'Total') out.push(persons('labour_force_by_group', c, T.lfAge, { sector: ageGroup(c.column) }));
  }
  for (const [table, indicator] of [
    [T.empSex, 'employment_by_group'],
    [T.lfSex, 'labour_force_by_group'],
  ] as const) {
    const t = readPxTable(`${PE}/${table}.csv`, dir);
    for (const c of longCells(t, 1, (r) => r[0].startsWith('total'))) {
      out.push(persons(indicator, c, table, { sector: c.column === 'Male' ? 'M:ALL' : 'F:ALL' }));
    }
  }
  return out;
}

function trained(dir?: string): Observation[] {
  const out: Observation[] = [];
  const q = readPxTable(`${PE}/${T.trainedQual}.csv`, dir);
  for (const c of wideCells(q)) {
    const hit = QUAL[c.label];
    if (!hit) throw new Error(`${q.file}: unknown qualification "${c.label}"`);
    out.push(percent('trained_share_certified', c, T.trainedQual, { qualification: hit[0] }, `; share of employed persons 15+ at this level${hit[1]}`));
  }
  const s = readPxTable(`${PE}/${T.trainedSector}.csv`, dir);
  for (const c of wideCells(s)) {
    const sector = sectionOf(c.label, s.file);
    if (sector !== 'TOTAL') out.push(percent('trained_share_certified', c, T.trainedSector, { sector }));
  }
  return out;
}

function unemploymentByRegion(dir?: string): Observation[] {
  const t = readPxTable(`${PE}/${T.unempRegion}.csv`, dir);
  const out: Observation[] = [];
  for (const c of longCells(t, 1, () => true)) {
    if (c.year < 2010) continue;
    const region = regionCodeOf(c.label);
    if (!region) throw new Error(`${t.file}: unknown region "${c.label}"`);
    const indicator = /^unemployment\.rate\.general$/i.test(c.column)
      ? 'unemployment_rate'
      : /^underemployment\.rate\.general$/i.test(c.column)
        ? 'underemployment_rate'
        : null;
    if (!indicator) continue; // urban/rural split: not a dimension of the long format
    const note = region === 'VN' ? '; working age' : '; working age; regions as GSO defined them before July 2025';
    out.push(percent(indicator, c, T.unempRegion, { region }, note));
  }
  return out;
}

/** Build `official-employment-structure.csv`. */
export function convertEmploymentStructure(dir?: string): SeedRows {
  return seedFile(
    'official-employment-structure.csv',
    [...sections(dir), ...occupations(dir), ...byAgeAndSex(dir), ...trained(dir), ...unemploymentByRegion(dir)],
    [
      'employment',
      'employment_by_occupation',
      'employment_by_group',
      'labour_force_by_group',
      'trained_share_certified',
      'unemployment_rate',
      'underemployment_rate',
    ],
  );
}
