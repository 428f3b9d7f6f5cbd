/**
 * Official figures are protected: an upload may not replace an `official`
 * cell of the current version with a value of another status (a World Bank
 * modelled estimate over GSO's labour force) unless the request says so
 * (`replaceOfficial=true`). An official value may be revised by another
 * official one (GSO's next release); the version diff says which happened.
 */
import { sql } from 'drizzle-orm';
import type { Observation } from '@lmo/models';
import type { Db } from '../db/client';
import { observations, sources } from '../db/schema';
import { DomainError } from '../domain-error';
import type { ParsedUpload } from './upload-result';

/** One official cell the upload would replace. */
export interface OfficialConflict {
  line: number;
  column: string | null;
  indicator: string;
  period: string;
  region: string;
  sector: string;
  qualification: string;
  current: { value: number; source: string; status: 'official' };
  new: { value: number; source: string; status: string };
}

// Keys per statement: one indexed join per batch, a fixed number of parameters.
const BATCH = 5_000;
/** Conflicts listed in a 409 (all are counted). */
export const MAX_LISTED_CONFLICTS = 1_000;

type Rows<T> = { rows: T[] };

/**
 * The official cells of version `currentId` that `parsed` would overwrite with
 * a non-official value, in file order (at most `max`; `count` counts all).
 */
export async function findOfficialConflicts(
  db: Db,
  currentId: number,
  parsed: Pick<ParsedUpload, 'observations' | 'origins'>,
  max = MAX_LISTED_CONFLICTS,
): Promise<{ cells: OfficialConflict[]; count: number }> {
  const rows = parsed.observations;
  const cells: OfficialConflict[] = [];
  let count = 0;
  for (let from = 0; from < rows.length; from += BATCH) {
    const idx: number[] = [];
    for (let i = from; i < Math.min(rows.length, from + BATCH); i++) if (rows[i].status !== 'official') idx.push(i);
    if (idx.length === 0) continue;
    const col = (k: keyof Observation) => sql.param(idx.map((i) => rows[i][k]));
    const hits = (
      (await db.execute(sql`
      select u.i, o.value, s.text as source from unnest(${col('indicator')}::text[], ${col('period')}::text[], ${col('region')}::text[],
        ${col('sector')}::text[], ${col('qualification')}::text[], ${sql.param(idx)}::int[]) as u(indicator, period, region, sector, qualification, i)
      join ${observations} o on o.dataset_version_id = ${currentId} and o.indicator = u.indicator and o.period = u.period
        and o.region = u.region and o.sector = u.sector and o.qualification = u.qualification
      join ${sources} s on s.id = o.source_id
      where o.status = 'official' order by u.i`)) as unknown as Rows<{ i: number; value: number; source: string }>
    ).rows;
    count += hits.length;
    for (const h of hits) {
      if (cells.length >= max) break;
      const i = Number(h.i);
      const o = rows[i];
      cells.push({
        ...parsed.origins(i),
        indicator: o.indicator,
        period: o.period,
        region: o.region,
        sector: o.sector,
        qualification: o.qualification,
        current: { value: Number(h.value), source: h.source, status: 'official' },
        new: { value: o.value, source: o.source, status: o.status },
      });
    }
  }
  return { cells, count };
}

/** The REPLACES_OFFICIAL error (409) listing the official cells an upload would replace. */
export function officialConflictProblem(found: { cells: OfficialConflict[]; count: number }): DomainError {
  const more = found.count > found.cells.length ? ` The first ${found.cells.length} are listed.` : '';
  return new DomainError(
    'REPLACES_OFFICIAL',
    `${found.count} cell(s) of the current data are official figures and the file gives them a value that is not official; nothing was stored.${more} To replace them anyway, upload again with replaceOfficial=true.`,
    {
      messageVi: `${found.count} ô của dữ liệu hiện hành là số liệu chính thức và tệp thay bằng giá trị không chính thức; không có gì được lưu. Để vẫn thay thế, hãy tải lên lại với replaceOfficial=true.`,
      details: { cells: found.cells, cellCount: found.count },
    },
  );
}
