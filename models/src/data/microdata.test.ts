import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { aggregateMicrodataCsv, createMicrodataAggregator, mapMicrodataHeader, parseLabourStatus, type MicrodataResult } from './microdata';

const HEADER = 'province,sector,qualification,status,age,weight';
// Hà Nội: five respondents (one semiconductors worker, one unemployed, one outside);
// HCMC: one from former Bình Dương, one current code.
const SAMPLE = [
  HEADER,
  '01,C,university,employed,30,1000',
  'Hà Nội,C,none,employed,40,3000',
  'ha noi,semiconductors,college,employed,25,2000',
  '01,,none,unemployed,22,500',
  '01,,none,outside,70,1500',
  'Bình Dương,A,none,employed,50,20000',
  '79,G,none,employed,35,4000',
].join('\n');

const cellOf = (r: MicrodataResult, indicator: string, region: string, sector: string, qualification: string) => {
  const i = r.observations.findIndex((o) => o.indicator === indicator && o.region === region && o.sector === sector && o.qualification === qualification);
  return i < 0 ? undefined : { obs: r.observations[i], q: r.quality[i] };
};

describe('microdata aggregation (respondents as units)', async () => {
  const r = await aggregateMicrodataCsv(SAMPLE, { period: '2024', source: 'Test survey' });

  it('has no errors and labels every row as survey data with the source', () => {
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.observations.length).toBe(r.quality.length);
    expect(r.observations.every((o) => o.status === 'survey' && o.source === 'Test survey' && o.period === '2024')).toBe(true);
    expect(r.stats).toMatchObject({
      rows: 7,
      validRows: 7,
      byStatus: { employed: 5, unemployed: 1, outside: 1 },
      weightTotal: 32000,
      formerProvinceRows: 1,
      strata: 2,
    });
  });

  it('sums weights into the cell, its section, broad sector and TOTAL', () => {
    expect(cellOf(r, 'employment', '01', 'semiconductors', 'college')!.obs.value).toBe(2000);
    expect(cellOf(r, 'employment', '01', 'C', 'ALL')!.obs.value).toBe(6000);
    expect(cellOf(r, 'employment', '01', 'B-F', 'ALL')!.obs.value).toBe(6000);
    expect(cellOf(r, 'employment', '01', 'TOTAL', 'ALL')!.obs.value).toBe(6000);
    expect(cellOf(r, 'employment', '01', 'C', 'college')!.obs.value).toBe(2000);
    expect(cellOf(r, 'unemployed', '01', 'TOTAL', 'none')!.obs.value).toBe(500);
    expect(cellOf(r, 'labour_force', '01', 'TOTAL', 'ALL')!.obs.value).toBe(6500);
    expect(cellOf(r, 'employment', '79', 'A', 'none')!.obs.value).toBe(20000);
    expect(cellOf(r, 'employment', 'VN', 'TOTAL', 'ALL')!.obs.value).toBe(30000);
    expect(cellOf(r, 'labour_force', 'VN', 'TOTAL', 'ALL')!.obs.value).toBe(30500);
    // No cell without respondents, and no sector for the unemployed.
    expect(cellOf(r, 'employment', '01', 'A', 'ALL')).toBeUndefined();
    expect(r.observations.filter((o) => o.indicator !== 'employment').every((o) => o.sector === 'TOTAL')).toBe(true);
  });

  it('computes SE = √(n/(n−1)·(Σw² − (Σw)²/n)) within each province stratum', () => {
    // Hà Nội, employment TOTAL: n = 5, Σw = 6000, Σw² = 14e6 → v = 1.25·(14e6 − 7.2e6) = 8.5e6.
    const hn = cellOf(r, 'employment', '01', 'TOTAL', 'ALL')!.q;
    expect(hn.se).toBeCloseTo(Math.sqrt(8.5e6), 6);
    expect(hn.cv).toBeCloseTo(Math.sqrt(8.5e6) / 6000, 9);
    expect(hn.respondents).toBe(3);
    // Labour force: Σw = 6500, Σw² = 14.25e6 → v = 1.25·(14.25e6 − 8.45e6) = 7.25e6.
    expect(cellOf(r, 'labour_force', '01', 'TOTAL', 'ALL')!.q.se).toBeCloseTo(Math.sqrt(7.25e6), 6);
    // HCMC: n = 2, Σw = 24000, Σw² = 4.16e8 → v = 2·(4.16e8 − 2.88e8) = 2.56e8.
    expect(cellOf(r, 'employment', '79', 'TOTAL', 'ALL')!.q.se).toBeCloseTo(16000, 6);
    // VN = sum of the strata variances.
    expect(cellOf(r, 'employment', 'VN', 'TOTAL', 'ALL')!.q.se).toBeCloseTo(Math.sqrt(8.5e6 + 2.56e8), 6);
  });

  it('flags cells under 10,000 people or with CV over 30 % (Cedefop)', () => {
    expect(cellOf(r, 'employment', '01', 'TOTAL', 'ALL')!.q).toMatchObject({ caution: true, reasons: ['under-threshold', 'high-cv'] });
    expect(cellOf(r, 'employment', '79', 'TOTAL', 'ALL')!.q).toMatchObject({ caution: true, reasons: ['high-cv'] });
    const vn = cellOf(r, 'employment', 'VN', 'TOTAL', 'ALL')!.q;
    expect(vn.cv).toBeCloseTo(Math.sqrt(8.5e6 + 2.56e8) / 30000, 9);
    expect(vn.reasons).toEqual(['high-cv']);
  });

  it('passes a cell that is large and precise', () => {
    const rows = [HEADER, ...Array.from({ length: 400 }, (_, i) => `01,C,none,${i % 4 === 0 ? 'outside' : 'employed'},30,${100 + (i % 3)}`)];
    return aggregateMicrodataCsv(rows.join('\n'), { period: '2024', source: 's' }).then((big) => {
      const q = cellOf(big, 'employment', '01', 'TOTAL', 'ALL')!.q;
      expect(q.estimate).toBe(30_300); // 300 employed, weights 100, 101, 102 in turn (100 of each)
      expect(q.cv!).toBeLessThan(0.3);
      expect(q).toMatchObject({ caution: false, reasons: [] });
    });
  });

  it('warns that SEs ignore clustering without a PSU column and names former-province mapping', () => {
    expect(r.warnings.join(' ')).toMatch(/No psu column/);
    expect(r.warnings.join(' ')).toMatch(/1 rows named a former province.*"Bình Dương" → 79/);
  });
});

describe('microdata aggregation with PSUs (ultimate clusters)', () => {
  it('squares PSU totals, not respondents', async () => {
    const text = [
      `${HEADER},psu`,
      '01,C,university,employed,30,1000,p1',
      '01,C,none,employed,40,3000,p1',
      '01,semiconductors,college,employed,25,2000,p2',
      '01,,none,unemployed,22,500,p2',
      '01,,none,outside,70,1500,p2',
    ].join('\n');
    const r = await aggregateMicrodataCsv(text, { period: '2024', source: 's' });
    expect(r.errors).toEqual([]);
    // z = [4000, 2000], n = 2 → v = 2·(20e6 − 18e6) = 4e6.
    expect(cellOf(r, 'employment', '01', 'TOTAL', 'ALL')!.q.se).toBeCloseTo(2000, 6);
    expect(r.stats.estimator).toMatch(/PSUs/);
    expect(r.warnings.join(' ')).not.toMatch(/No psu column/);
  });

  it('treats a stratum column as sub-strata of the province', () => {
    const agg = createMicrodataAggregator({ period: '2024', source: 's', clustered: true });
    agg.push({ province: '01', sector: 'C', qualification: 'none', status: 'employed', age: 30, weight: 10, psu: 'a', stratum: 'urban' }, 2);
    agg.push({ province: '01', sector: 'C', qualification: 'none', status: 'employed', age: 30, weight: 30, psu: 'b', stratum: 'urban' }, 3);
    agg.push({ province: '01', sector: 'C', qualification: 'none', status: 'employed', age: 30, weight: 50, psu: 'c', stratum: 'rural' }, 4);
    const r = agg.finish();
    // urban: z = [10, 30] → v = 2·(1000 − 800) = 400; rural: one PSU → 0 (warned).
    expect(cellOf(r, 'employment', '01', 'TOTAL', 'ALL')!.q.se).toBeCloseTo(20, 9);
    expect(r.stats).toMatchObject({ strata: 2, singletonStrata: 1 });
    expect(r.warnings.join(' ')).toMatch(/1 strata have a single unit/);
  });
});

describe('microdata validation', () => {
  it('reports each bad cell with its physical line and column, and produces nothing', async () => {
    const text = [
      `${HEADER},note`,
      'Ha Nol,C,none,employed,30,100', // 2
      '01,C,none,working,30,100', // 3
      '01,C,none,employed,12,100', // 4
      '01,C,none,employed,thirty,100', // 5
      '01,C,none,employed,30,-2', // 6
      '01,C,none,employed,30,abc', // 7
      '', // 8
      '01,Z,none,employed,30,1', // 9
      '01,B-F,none,employed,30,1', // 10
      '01,C,phd,employed,30,1', // 11
      'RRD,C,none,employed,30,1', // 12
      '01,C,none,employed,30,1,"a note\nover two lines"', // 13–14
      '01,C,none,employed,30,0', // 15
      ',C,none,employed,30,1', // 16
      '01,,none,employed,30,1', // 17
      '01,C,none,employed,30.5,1', // 18
    ].join('\n');
    const r = await aggregateMicrodataCsv(text, { period: '2024', source: 's' });
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'province', 'UNKNOWN_PROVINCE'],
      [3, 'status', 'BAD_STATUS'],
      [4, 'age', 'AGE_OUT_OF_RANGE'],
      [5, 'age', 'BAD_AGE'],
      [6, 'weight', 'NEGATIVE_WEIGHT'],
      [7, 'weight', 'BAD_WEIGHT'],
      [9, 'sector', 'UNKNOWN_SECTOR'],
      [10, 'sector', 'UNKNOWN_SECTOR'],
      [11, 'qualification', 'UNKNOWN_QUALIFICATION'],
      [12, 'province', 'NOT_A_PROVINCE'],
      [15, 'weight', 'ZERO_WEIGHT'],
      [16, 'province', 'MISSING_VALUE'],
      [17, 'sector', 'MISSING_VALUE'],
      [18, 'age', 'BAD_AGE'],
    ]);
    expect(r.errors[0].message).toMatch(/did you mean 01 \(Hà Nội\)/);
    expect(r.errors[7].message).toMatch(/aggregate \(B-F\)/);
    expect(r.ok).toBe(false);
    expect(r.observations).toEqual([]);
    expect(r.quality).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(/Unknown column "note"/);
  });

  it('keeps 100 errors and counts the rest', async () => {
    const text = [HEADER, ...Array.from({ length: 150 }, () => '01,C,none,employed,30,-1')].join('\n');
    const r = await aggregateMicrodataCsv(text, { period: '2024', source: 's' });
    expect(r.errors).toHaveLength(100);
    expect(r.errorCount).toBe(150);
    expect(r.errors.at(-1)!.line).toBe(101);
  });

  it('stops at a missing required column, with a hint for a misspelt one', async () => {
    const r = await aggregateMicrodataCsv('province,sector,qualifcation,status,age\n01,C,none,employed,30\n', { period: '2024', source: 's' });
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [1, 'qualification', 'MISSING_COLUMN'],
      [1, 'weight', 'MISSING_COLUMN'],
    ]);
    expect(r.stats.rows).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/"qualifcation".*did you mean "qualification"/);
  });

  it('points an unclosed quote at the line where it opens', async () => {
    const text = `${HEADER}\n01,C,none,employed,30,100\n01,C,none,employed,30,"100\n01,C,none,employed,30,100\n`;
    const r = await aggregateMicrodataCsv(text, { period: '2024', source: 's' });
    expect(r.errors.find((e) => e.code === 'CSV_SYNTAX')).toMatchObject({ line: 3, column: null });
    expect(r.observations).toEqual([]);
  });

  it('names a legacy encoding when a province is not UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from('H\xe0 N\xf4i,C,none,employed,30,100\n', 'latin1')]);
    const stream = new PassThrough();
    stream.end(latin1);
    const r = await aggregateMicrodataCsv(stream, { period: '2024', source: 's' });
    expect(r.errors[0]).toMatchObject({ line: 2, column: 'province', code: 'UNKNOWN_PROVINCE' });
    expect(r.errors[0].message).toMatch(/not UTF-8.*CSV UTF-8/);
  });

  it('reports an empty file', async () => {
    const r = await aggregateMicrodataCsv('', { period: '2024', source: 's' });
    expect(r.errors).toEqual([expect.objectContaining({ line: 1, code: 'EMPTY_FILE' })]);
  });
});

describe('microdata input forms', () => {
  it('reads Vietnamese headers and labels, a BOM, semicolons and CRLF', async () => {
    const text =
      '\uFEFFTỉnh;Ngành;Trình độ;Tình trạng;Tuổi;Trọng số\r\nTP Hồ Chí Minh;F;Trung cấp;Có việc làm;33;250.5\r\nTP Hồ Chí Minh;F;Trung cấp;Có việc làm;33;-1\r\n';
    const r = await aggregateMicrodataCsv(text, { period: '2025-Q2', source: 's' });
    expect(r.errors.map((e) => [e.line, e.column, e.value])).toEqual([[3, 'weight', '-1']]);
    const ok = await aggregateMicrodataCsv(text.split('\r\n').slice(0, 2).join('\r\n'), { period: '2025-Q2', source: 's' });
    expect(cellOf(ok, 'employment', '79', 'F', 'intermediate')!.obs).toMatchObject({ value: 251, period: '2025-Q2' });
  });

  it('streams a Node readable, keeping characters split across chunks', async () => {
    const bytes = Buffer.from(`${HEADER}\nHà Nội,C,none,employed,30,100\nĐà Nẵng,C,none,employed,30,200\n`);
    const cut = bytes.indexOf(Buffer.from('Đ')) + 1; // inside the 2-byte Đ
    const pieces = new PassThrough();
    pieces.write(bytes.subarray(0, cut));
    setTimeout(() => pieces.end(bytes.subarray(cut)), 5);
    const r = await aggregateMicrodataCsv(pieces, { period: '2024', source: 's' });
    expect(r.errors).toEqual([]);
    expect(cellOf(r, 'employment', '48', 'TOTAL', 'ALL')!.obs.value).toBe(200);
  });

  it('counts quoted newlines in a stream', async () => {
    const pieces = new PassThrough();
    pieces.write(`${HEADER},note\n01,C,none,employed,30,1\n`);
    setTimeout(() => pieces.end('01,C,none,employed,30,1,"two\nlines"\n01,C,none,employed,30,-1\n'), 5);
    const r = await aggregateMicrodataCsv(pieces, { period: '2024', source: 's' });
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[5, 'NEGATIVE_WEIGHT']]);
  });

  it('reads a web request body through Readable.fromWeb', async () => {
    const body = new Response(SAMPLE).body!;
    const r = await aggregateMicrodataCsv(Readable.fromWeb(body as never), { period: '2024', source: 's' });
    expect(r.errors).toEqual([]);
    expect(cellOf(r, 'employment', 'VN', 'TOTAL', 'ALL')!.obs.value).toBe(30000);
  });

  it('maps headers and statuses', () => {
    expect(mapMicrodataHeader(['Mã tỉnh', 'VSIC', 'CMKT', 'lfs_status', 'Tuoi', 'quyen_so', 'dia_ban']).index).toEqual({
      province: 0,
      sector: 1,
      qualification: 2,
      status: 3,
      age: 4,
      weight: 5,
      psu: 6,
    });
    expect(['1', 'Employed', 'thất nghiệp', 'Ngoài lực lượng lao động', 'retired'].map(parseLabourStatus)).toEqual([
      'employed',
      'employed',
      'unemployed',
      'outside',
      undefined,
    ]);
  });

  it('rejects a bad period option', () => {
    expect(() => createMicrodataAggregator({ period: '24', source: 's' })).toThrow(/period/);
  });
});
