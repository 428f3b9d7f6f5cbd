/**
 * Counts of people cannot exceed the population of their area. The parsers
 * apply a generous fixed cap per area level (models/src/data/plausibility);
 * here the cap is the population itself where the data have it: the
 * upload's own `population` rows first, else the current version's, for the
 * same area and year (a quarter is compared with its year).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { observations } from '../db/schema';
import type { UploadIssue } from './upload-issue';
import type { ParsedUpload } from './upload-result';

const POPULATION = 'population';
const key = (region: string, period: string) => `${region}|${period.slice(0, 4)}`;

/** Population by `region|year`: the current version's, overridden by the upload's. */
async function populationOf(db: Db, currentId: number | null, rows: ParsedUpload['observations']): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (currentId !== null) {
    const stored = await db
      .select({ region: observations.region, period: observations.period, value: observations.value })
      .from(observations)
      .where(
        and(
          eq(observations.datasetVersionId, currentId),
          eq(observations.indicator, POPULATION),
          eq(observations.sector, 'TOTAL'),
          eq(observations.qualification, 'ALL'),
        ),
      );
    for (const p of stored) out.set(key(p.region, p.period), Math.max(out.get(key(p.region, p.period)) ?? 0, p.value));
  }
  const uploaded = new Map<string, number>();
  for (const o of rows) {
    if (o.indicator === POPULATION && o.sector === 'TOTAL' && o.qualification === 'ALL')
      uploaded.set(key(o.region, o.period), Math.max(uploaded.get(key(o.region, o.period)) ?? 0, o.value));
  }
  for (const [k, v] of uploaded) out.set(k, v);
  return out;
}

/**
 * One issue per persons cell above its area's population (line and column
 * where the file has them). At most `max` issues; `count` counts all.
 */
export async function populationIssues(
  db: Db,
  currentId: number | null,
  parsed: Pick<ParsedUpload, 'observations' | 'origins'>,
  max = 100,
): Promise<{ issues: UploadIssue[]; count: number }> {
  const population = await populationOf(db, currentId, parsed.observations);
  const issues: UploadIssue[] = [];
  let count = 0;
  if (population.size === 0) return { issues, count };
  parsed.observations.forEach((o, i) => {
    if (o.unit !== 'persons' || o.indicator === POPULATION) return;
    const cap = population.get(key(o.region, o.period));
    if (cap === undefined || o.value <= cap) return;
    count++;
    if (issues.length >= max) return;
    const year = o.period.slice(0, 4);
    const { line, column } = parsed.origins(i);
    issues.push({
      line,
      column: column ?? 'value',
      value: String(o.value),
      code: 'EXCEEDS_POPULATION',
      message: `${o.indicator} ${o.region} ${o.sector} ${o.qualification} ${o.period}: ${o.value.toLocaleString('en')} persons is more than the population of ${o.region} in ${year} (${cap.toLocaleString('en')}); check the scale and the area.`,
      messageVi: `${o.indicator} ${o.region} ${o.sector} ${o.qualification} ${o.period}: ${o.value.toLocaleString('en')} người lớn hơn dân số của ${o.region} năm ${year} (${cap.toLocaleString('en')}); kiểm tra hệ số nhân và địa bàn.`,
    });
  });
  return { issues, count };
}
