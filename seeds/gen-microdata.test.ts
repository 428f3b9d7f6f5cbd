import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregateMicrodataCsv } from '@lmo/models';
import { MICRODATA_HEADER, microdataLines } from './gen-microdata';

const csv = (rows: number, seed?: number) => [...microdataLines(rows, seed)].join('\n') + '\n';

describe('gen-microdata', () => {
  it('reproduces seeds/examples/microdata.csv byte for byte (600 rows, default seed)', () => {
    const committed = readFileSync(fileURLToPath(new URL('./examples/microdata.csv', import.meta.url)), 'utf8');
    expect(csv(600)).toBe(committed);
  });

  it('depends on the seed and gives exactly the rows asked for', () => {
    expect(csv(300, 1)).not.toBe(csv(300, 2));
    for (const n of [1, 10, 63, 64, 1000]) expect([...microdataLines(n)]).toHaveLength(n + 1);
    expect([...microdataLines(1)][0]).toBe(MICRODATA_HEADER);
  });

  it('has weighted totals near the national figures, mixed province labels and ~70 bytes per row', async () => {
    const text = csv(20_000);
    expect(Buffer.byteLength(text) / 20_000).toBeGreaterThan(60);
    expect(Buffer.byteLength(text) / 20_000).toBeLessThan(90);
    const r = await aggregateMicrodataCsv(text, { period: '2025', source: 'synthetic' });
    expect(r.errorCount).toBe(0);
    const vn = (indicator: string, sector = 'TOTAL') =>
      r.observations.find((o) => o.indicator === indicator && o.region === 'VN' && o.sector === sector && o.qualification === 'ALL')!.value;
    expect(r.stats.weightTotal / 77_800_000).toBeCloseTo(1, 1);
    expect(vn('labour_force') / 53_500_000).toBeCloseTo(1, 1);
    expect(vn('employment') / 52_400_000).toBeCloseTo(1, 1);
    expect(vn('unemployed')).toBeGreaterThan(700_000);
    expect(vn('unemployed')).toBeLessThan(1_500_000);
    const agri = vn('employment', 'A') / vn('employment');
    expect(agri).toBeGreaterThan(0.24); // GSO 2023: 26.9 %
    expect(agri).toBeLessThan(0.3);
    expect(vn('employment', 'semiconductors')).toBeGreaterThan(0);
    // Former provinces appear by code and by name; current units by code and name.
    expect(r.stats.formerProvinceRows).toBeGreaterThan(2_000);
    expect(text).toMatch(/\nBình Dương,|,Bình Dương,/);
    expect(text).toMatch(/,TP Hồ Chí Minh,/);
  });
});
