/**
 * A small synthetic dataset for most tests (the real seeds are tested once).
 * Values are made up and labelled `modelled` with a source saying so.
 */
import type { Observation } from '@lmo/models';

const SOURCE = 'Test fixture (synthetic, not official)';

/** A smooth series with a little deterministic wobble. */
function path(start: number, growth: number, years: number[], wobble = 0.004): number[] {
  return years.map((_, i) => Math.round(start * (1 + growth) ** i * (1 + wobble * Math.sin(i * 1.7))));
}

export const FIXTURE_YEARS = Array.from({ length: 12 }, (_, i) => 2013 + i); // 2013..2024

/** National employment by broad sector and qualification, plus graduates. */
export function fixtureRows(options: { scale?: number } = {}): Observation[] {
  const scale = options.scale ?? 1;
  const rows: Observation[] = [];
  const add = (indicator: string, region: string, sector: string, qualification: string, values: number[], unit: Observation['unit'] = 'persons') => {
    FIXTURE_YEARS.forEach((year, i) =>
      rows.push({
        indicator,
        period: String(year),
        region,
        sector,
        qualification,
        value: values[i],
        unit,
        source: SOURCE,
        status: 'modelled',
      }),
    );
  };
  const sectors: [string, number, number][] = [
    ['A', 14_000_000, -0.03],
    ['C', 9_000_000, 0.05],
    ['F', 4_500_000, 0.03],
    ['G', 7_000_000, 0.025],
  ];
  const quals: [string, number][] = [
    ['none', 0.7],
    ['elementary', 0.06],
    ['intermediate', 0.05],
    ['college', 0.04],
    ['university', 0.15],
  ];
  for (const [sector, base, growth] of sectors) {
    const total = path(base * scale, growth, FIXTURE_YEARS);
    add('employment', 'VN', sector, 'ALL', total);
    for (const [q, share] of quals)
      add(
        'employment',
        'VN',
        sector,
        q,
        total.map((v) => Math.round(v * share)),
      );
  }
  // A new field inside C, so target paths are produced.
  const chips = path(40_000 * scale, 0.12, FIXTURE_YEARS);
  add('employment', 'VN', 'semiconductors', 'ALL', chips);
  add(
    'employment',
    'VN',
    'semiconductors',
    'university',
    chips.map((v) => Math.round(v * 0.4)),
  );
  for (const [q, base] of [
    ['intermediate', 180_000],
    ['college', 150_000],
    ['university', 450_000],
  ] as const) {
    add('graduates', 'VN', 'TOTAL', q, path(base * scale, 0.01, FIXTURE_YEARS));
  }
  return rows;
}
