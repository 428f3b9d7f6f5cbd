/**
 * Turn GSO PX-Web national tables into long rows. Two layouts occur:
 * wide (`"Occupation";"2009";…;"Prel. 2016"`, or `"Total (Thous. pers.) 2005"`)
 * and long (`"Indicators";"Year";"Male";"Female"`, as the R package re-exported them).
 */
import { cellValue, readPxTable, yearOf, type PxTable } from './pxweb-table';

/** One published cell: the row's label, the year and the value. */
export interface PxCell {
  label: string;
  /** Label of the value column (long layout) or of the first column (wide layout). */
  column: string;
  year: number;
  preliminary: boolean;
  value: number;
}

/**
 * Wide layout: one row per label, one column per year. `column` keeps the
 * year columns of one block (e.g. labels starting `Total`).
 */
export function wideCells(t: PxTable, column: (label: string) => boolean = () => true): PxCell[] {
  const cols = t.header.map((h, i) => ({ i, h, y: i === 0 || !column(h) ? null : yearOf(h) })).filter((c) => c.y);
  const out: PxCell[] = [];
  for (const cells of t.rows) {
    for (const c of cols) {
      const v = cellValue(cells[c.i]);
      if (v !== null) out.push({ label: cells[0].trim(), column: c.h, year: c.y!.year, preliminary: c.y!.preliminary, value: v });
    }
  }
  return out;
}

/**
 * Long layout: label column(s) then a year column then one column per
 * category. `rowFilter` keeps the rows of one block (e.g. `total_thous_persons`).
 */
export function longCells(t: PxTable, yearCol: number, rowFilter: (cells: string[]) => boolean, labelCol = 0): PxCell[] {
  const out: PxCell[] = [];
  for (const cells of t.rows) {
    if (!rowFilter(cells)) continue;
    const y = yearOf(cells[yearCol]);
    if (!y) continue;
    for (let i = yearCol + 1; i < t.header.length; i++) {
      const v = cellValue(cells[i]);
      if (v !== null) out.push({ label: cells[labelCol].trim(), column: t.header[i].trim(), year: y.year, preliminary: y.preliminary, value: v });
    }
  }
  return out;
}

/** Source text of a GSO PX-Web national table. */
export function pxSource(table: string, year: number, preliminary: boolean, note = '', lfs = true): string {
  return (
    `GSO online database (PX-Web, English edition, release c. 2017), table "${table}", ${year}${preliminary ? ' preliminary' : ''}` +
    `${lfs ? '; pre-2021 LFS basis' : ''}${note}`
  );
}

export { readPxTable };
