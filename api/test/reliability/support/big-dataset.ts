/**
 * Valid synthetic observations in bulk (every region × sector × qualification ×
 * quarter), for ingests large enough to be killed half-way. Labelled `modelled`.
 */
import { QUALIFICATIONS, REGIONS, SECTORS, type Observation } from '@lmo/models';

/** `n` distinct, valid quarterly employment cells (up to ~800k). */
export function bigRows(n: number, seed = 1): Observation[] {
  const rows: Observation[] = [];
  const quarters: string[] = [];
  for (let y = 2000; y <= 2024; y++) for (let q = 1; q <= 4; q++) quarters.push(`${y}-Q${q}`);
  outer: for (const r of REGIONS)
    for (const s of SECTORS)
      for (const q of QUALIFICATIONS)
        for (let i = 0; i < quarters.length; i++) {
          if (rows.length >= n) break outer;
          rows.push({
            indicator: 'employment',
            period: quarters[i],
            region: r.code,
            sector: s.code,
            qualification: q.code,
            value: 1000 + ((rows.length * 7919 + seed * 104729) % 100_000),
            unit: 'persons',
            source: 'Reliability test bulk data (synthetic, not official)',
            status: 'modelled',
          });
        }
  if (rows.length < n) throw new Error(`bigRows: only ${rows.length} distinct cells available`);
  return rows;
}

/** The same rows as a long-format CSV. */
export function toCsv(rows: readonly Observation[]): string {
  const head = 'indicator,period,region,sector,qualification,value,unit,source,status\n';
  return (
    head +
    rows.map((o) => `${o.indicator},${o.period},${o.region},${o.sector},${o.qualification},${o.value},${o.unit},"${o.source}",${o.status}`).join('\n') +
    '\n'
  );
}
