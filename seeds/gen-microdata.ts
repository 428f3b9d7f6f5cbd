/**
 * Seeded generator of SYNTHETIC Labour-Force-Survey-like microdata: one row
 * per respondent aged 15+, for exercising the microdata upload (format,
 * validation, aggregation, speed). Nothing in it is a real respondent.
 *
 *   pnpm gen:microdata <rows> <out.csv> [--seed N]     (from the repo root)
 *
 * Columns: id,province,sector,qualification,status,age,sex,weight,psu,stratum
 * - province: mixed on purpose — current codes, former codes, Vietnamese names
 *   with diacritics, ASCII names — as files from different years would be.
 * - sector: VSIC 2018 section letter or a new-field code (employed only).
 * - qualification: none | elementary | intermediate | college | university.
 * - status: employed | unemployed | outside.
 * - weight: design weight so that Σ weight ≈ population 15+ (77.8 m), with
 *   disproportionate allocation (sample ∝ √population, as LFS designs
 *   over-sample small provinces) and ±15 % noise.
 * - id: province-PSU-household-member; sex: male | female (not used by the
 *   aggregation, present because real extracts carry them).
 * - psu: enumeration area within a province (~45 respondents each), rows of a
 *   PSU contiguous; stratum: urban | rural.
 *
 * Calibration (expected values; every run with the same seed is identical):
 * labour force 53.5 m and employed 52.4 m (GSO 2025, VIETNAM_FACTS §1, C);
 * population 15+ 77.8 m (U: implied by LF 53.5 m and a participation rate of
 * ~68.8 %); sector shares near GSO 2023 (agriculture 26.9 %, industry-
 * construction 33.5 %, services 39.6 %, C) with section splits and province
 * populations (2019 census, rounded) from background knowledge (U);
 * qualification mix near the 28 % "trained with degree/certificate" (C).
 * Check on 1,000,000 rows (seed 20250701): employed 52.40 m, labour force
 * 53.50 m, agriculture 26.8 %, industry-construction 33.6 %, services 39.6 %,
 * trained (any certificate) 27.4 % of the employed.
 */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FORMER_PROVINCES, getRegion, mulberry32 } from '@lmo/models';
import { largestRemainder } from './src/rounding';

/** Draws index i with probability weights[i] / Σ weights. */
function sampler(weights: number[]): (u: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const w of weights) cum.push((acc += w / total));
  return (u) => {
    let i = 0;
    while (i < cum.length - 1 && u >= cum[i]) i++;
    return i;
  };
}

const POP_15PLUS = 77_800_000;
const LABOUR_FORCE = 53_500_000;
const EMPLOYED = 52_400_000;
const PSU_SIZE = 45;

// Former province → 2019 census population, millions (rounded, U).
const POPULATION: Record<string, number> = {
  '01': 8.05,
  '02': 0.85,
  '04': 0.53,
  '06': 0.31,
  '08': 0.78,
  '10': 0.73,
  '11': 0.6,
  '12': 0.46,
  '14': 1.25,
  '15': 0.82,
  '17': 0.85,
  '19': 1.29,
  '20': 0.78,
  '22': 1.32,
  '24': 1.8,
  '25': 1.46,
  '26': 1.15,
  '27': 1.37,
  '30': 1.89,
  '31': 2.03,
  '33': 1.25,
  '34': 1.86,
  '35': 0.85,
  '36': 1.78,
  '37': 0.98,
  '38': 3.64,
  '40': 3.33,
  '42': 1.29,
  '44': 0.9,
  '45': 0.63,
  '46': 1.13,
  '48': 1.13,
  '49': 1.5,
  '51': 1.23,
  '52': 1.49,
  '54': 0.87,
  '56': 1.23,
  '58': 0.59,
  '60': 1.23,
  '62': 0.54,
  '64': 1.51,
  '66': 1.87,
  '67': 0.62,
  '68': 1.3,
  '70': 0.99,
  '72': 1.17,
  '74': 2.43,
  '75': 3.1,
  '77': 1.15,
  '79': 8.99,
  '80': 1.69,
  '82': 1.76,
  '83': 1.29,
  '84': 1.01,
  '86': 1.02,
  '87': 1.6,
  '89': 1.91,
  '91': 1.72,
  '92': 1.24,
  '93': 0.73,
  '94': 1.2,
  '95': 0.91,
  '96': 1.19,
};
// Urban cores and urban PSUs pull agriculture down; this factor brings the
// national share back to ≈ 26.9 % (tuned on 1M rows).
const AGRI_CALIBRATION = 1.45;
const URBAN_CORES = new Set(['01', '79', '48', '31', '92', '74']);
const CHIP_HUBS = new Set(['27', '24', '79', '01', '48', '74', '26']);

// Employment shares by section, % (A, B–F and G–U sum to GSO 2023 broad shares).
const SECTION_SHARE: [string, number][] = [
  ['A', 26.9],
  ['B', 0.4],
  ['C', 23.4],
  ['D', 0.3],
  ['E', 0.4],
  ['F', 9.0],
  ['G', 13.6],
  ['H', 3.7],
  ['I', 6.4],
  ['J', 0.9],
  ['K', 0.9],
  ['L', 0.4],
  ['M', 0.7],
  ['N', 1.0],
  ['O', 2.4],
  ['P', 4.0],
  ['Q', 1.4],
  ['R', 0.6],
  ['S', 2.6],
  ['T', 0.9],
  ['U', 0.01],
];
const QUALS = ['none', 'elementary', 'intermediate', 'college', 'university'];
const QUAL_BASE = [75, 4.5, 5, 3.5, 9];
const GRADUATE_SECTIONS = new Set(['J', 'K', 'M', 'O', 'P', 'Q', 'U']);
const TECHNICAL_SECTIONS = new Set(['C', 'D', 'F', 'H']);

function qualificationWeights(section: string, urban: boolean): number[] {
  const w = [...QUAL_BASE];
  if (section === 'A') for (let i = 1; i < 5; i++) w[i] *= 0.15;
  if (GRADUATE_SECTIONS.has(section)) {
    w[0] *= 0.25;
    w[4] *= 4;
  }
  if (TECHNICAL_SECTIONS.has(section)) {
    w[2] *= 1.5;
    w[3] *= 1.4;
  }
  if (urban) {
    w[0] *= 0.8;
    w[4] *= 1.5;
  }
  return w;
}

// Ages 15–90 and participation by age (scaled below to the target rate).
const AGES = Array.from({ length: 76 }, (_, i) => 15 + i);
const AGE_WEIGHT = AGES.map((a) => (a < 25 ? 0.9 : a < 55 ? 1 : a < 65 ? 0.85 : a < 75 ? 0.5 : Math.max(0.03, 0.2 - (a - 75) * 0.012)));
const PARTICIPATION = AGES.map((a) => (a < 20 ? 0.25 : a < 25 ? 0.7 : a < 55 ? 0.9 : a < 60 ? 0.75 : a < 65 ? 0.55 : a < 70 ? 0.4 : 0.15));
const UNEMPLOYMENT = AGES.map((a) => (a < 25 ? 7.5 : 1.5));
const weightedMean = (xs: number[]) => xs.reduce((s, x, i) => s + x * AGE_WEIGHT[i], 0) / AGE_WEIGHT.reduce((a, b) => a + b, 0);
const lfprScale = LABOUR_FORCE / POP_15PLUS / weightedMean(PARTICIPATION);
const lfByAge = AGES.map((_, i) => PARTICIPATION[i] * AGE_WEIGHT[i]);
const uScale = (100 * (1 - EMPLOYED / LABOUR_FORCE)) / (lfByAge.reduce((s, x, i) => s + x * UNEMPLOYMENT[i], 0) / lfByAge.reduce((a, b) => a + b, 0));

/** CSV header of the generated file. */
export const MICRODATA_HEADER = 'id,province,sector,qualification,status,age,sex,weight,psu,stratum';

/**
 * Yields the CSV lines (header first) of `rows` synthetic respondents.
 * Same `rows` and `seed` → same bytes.
 */
export function* microdataLines(rows: number, seed = 20250701): Generator<string> {
  // mulberry32 (shared with the seed generator): small, fast, good enough for synthetic data.
  const rand = mulberry32(seed);
  const provinces = FORMER_PROVINCES.filter((f) => POPULATION[f.code] !== undefined);
  if (provinces.length !== 63) throw new Error(`expected 63 former provinces with populations, got ${provinces.length}`);
  const pop = provinces.map((p) => POPULATION[p.code]);
  const popTotal = pop.reduce((a, b) => a + b, 0);
  const alloc = pop.map((x) => Math.sqrt(x));
  // Respondents per province, in proportion to the allocation (largest remainders, exact total).
  const sampleSizes = largestRemainder(alloc, rows);
  const pickAge = sampler(AGE_WEIGHT);
  const sections = SECTION_SHARE.map(([c]) => c);

  yield MICRODATA_HEADER;
  for (let p = 0; p < provinces.length; p++) {
    if (sampleSizes[p] === 0) continue;
    const f = provinces[p];
    const current = getRegion(f.current)!;
    const labels = [f.code, f.code, f.vi, f.ascii, current.code, current.vi];
    const core = URBAN_CORES.has(f.code);
    const urbanShare = core ? 0.85 : 0.3;
    const agriFactor = core ? 0.15 : f.formerRegion === 'NMM' || f.formerRegion === 'CH' ? 1.8 : 1;
    const sectorFor = (urban: boolean) =>
      sampler(SECTION_SHARE.map(([c, s]) => (c === 'A' ? s * AGRI_CALIBRATION * agriFactor * (urban ? 0.3 : 1.3) : s * (urban ? 1.4 : 1))));
    const pickSector = [sectorFor(false), sectorFor(true)];
    const pickQual = [false, true].map((urban) => new Map(sections.map((c) => [c, sampler(qualificationWeights(c, urban))])));
    const pickQualInactive = sampler([85, 3, 3, 2, 7]);
    const baseWeight = (POP_15PLUS * (pop[p] / popTotal)) / sampleSizes[p];
    const chipRate = CHIP_HUBS.has(f.code) ? 0.03 : 0.002;
    let psu = 0;
    let urban = false;
    let household = 0;
    let member = 0;
    for (let r = 0; r < sampleSizes[p]; r++) {
      if (r % PSU_SIZE === 0) {
        psu++;
        household = 0;
        member = 99;
        urban = rand() < urbanShare;
      }
      // Households of 1–5 people aged 15+.
      if (member >= 1 + Math.floor(rand() * 5)) {
        household++;
        member = 0;
      }
      member++;
      const ageIndex = pickAge(rand());
      const age = AGES[ageIndex];
      let status: string;
      if (rand() >= PARTICIPATION[ageIndex] * lfprScale) status = 'outside';
      else status = rand() * 100 < UNEMPLOYMENT[ageIndex] * uScale ? 'unemployed' : 'employed';
      let sector = '';
      let qual: string;
      if (status === 'employed') {
        const section = sections[pickSector[+urban](rand())];
        sector = section;
        const u = rand();
        if (section === 'C' && u < chipRate) sector = 'semiconductors';
        else if (section === 'J' && u < 0.45) sector = 'ai-digital';
        else if (section === 'D' && u < 0.02) sector = 'hydrogen';
        else if (section === 'M' && u < 0.02) sector = 'carbon-markets';
        qual = QUALS[pickQual[+urban].get(section)!(rand())];
      } else if (status === 'unemployed') {
        qual = QUALS[pickQual[+urban].get('G')!(rand())];
      } else {
        qual = QUALS[pickQualInactive(rand())];
      }
      const label = labels[Math.floor(rand() * labels.length)];
      const weight = (baseWeight * (0.85 + 0.3 * rand())).toFixed(4);
      const sex = rand() < 0.49 ? 'male' : 'female';
      const psuId = `${f.code}-${String(psu).padStart(4, '0')}`;
      yield `${psuId}-${String(household).padStart(2, '0')}-${member},${label},${sector},${qual},${status},${age},${sex},${weight},${psuId},${urban ? 'urban' : 'rural'}`;
    }
  }
}

async function main(argv: string[]): Promise<void> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const seedArg = argv.find((a) => a.startsWith('--seed='));
  const rows = Number(args[0]);
  if (!Number.isInteger(rows) || rows < 1 || !args[1]) {
    console.error('usage: pnpm gen:microdata <rows> <out.csv> [--seed=N]   e.g. pnpm gen:microdata 1000000 /tmp/lfs.csv');
    process.exit(2);
  }
  // pnpm runs scripts from the package dir; resolve the path where the user typed it.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), args[1]);
  const stream = createWriteStream(out);
  const t0 = performance.now();
  let bytes = 0;
  let buffer: string[] = [];
  for (const line of microdataLines(rows, seedArg ? Number(seedArg.slice(7)) : undefined)) {
    buffer.push(line);
    if (buffer.length === 10_000) {
      const chunk = buffer.join('\n') + '\n';
      bytes += Buffer.byteLength(chunk);
      buffer = [];
      if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
    }
  }
  const rest = buffer.length ? buffer.join('\n') + '\n' : '';
  bytes += Buffer.byteLength(rest);
  await new Promise<void>((r, j) => stream.end(rest, () => r()).once('error', j));
  const s = (performance.now() - t0) / 1000;
  console.log(
    `wrote ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB (${(bytes / (rows + 1)).toFixed(0)} bytes/row) to ${out} in ${s.toFixed(1)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
