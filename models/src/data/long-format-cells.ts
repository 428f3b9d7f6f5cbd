/**
 * The rows of a long-format file, one per cell. A second row for a cell is a
 * duplicate, except for former provinces (63 → 34 reform) now part of the
 * same unit: their counts (`persons`, `billion_vnd`) are added up, because a
 * merged unit's value is the sum of its parts; rates cannot be added and are
 * rejected. Warnings name the former provinces mapped and the merged cells
 * that miss some of their parts.
 */
import { getFormerProvince, getRegion } from '../codes/regions';
import type { Observation } from './observation';
import type { IssueLog } from './long-format-checks';
import { STATUS_RANK } from './long-format-rules';

function intern(m: Map<string, number>, k: string): number {
  let v = m.get(k);
  if (v === undefined) {
    v = m.size;
    m.set(k, v);
  }
  return v;
}

/** The valid rows of one file, deduplicated and merged; see the module comment. */
export class LongCells {
  readonly rows: Observation[] = [];
  /** Physical line of each row in `rows` (its first line when former provinces were merged). */
  readonly lines: number[] = [];
  /** Rows whose region named a former province. */
  formerRows = 0;
  /** Rows per indicator. */
  readonly perIndicator: Record<string, number> = {};
  private readonly rowFormer: (string | undefined)[] = [];
  private readonly seen = new Map<number | string, number>(); // cell key → row index
  private readonly mergedParts = new Map<number, Set<string>>(); // row index → former codes combined (only cells touched by mapping)
  private readonly formerUse = new Map<string, { count: number; line: number }>();
  private readonly sources = new Map<string, string>();
  private readonly ids = {
    ind: new Map<string, number>(),
    per: new Map<string, number>(),
    reg: new Map<string, number>(),
    sec: new Map<string, number>(),
    qual: new Map<string, number>(),
  };

  constructor(private readonly log: IssueLog) {}

  /**
   * Adds a valid row read at `line` (kept as given: the store owns it).
   * `rRaw` is the region as written, `mappedFrom` the former province it named.
   */
  add(row: Observation, line: number, rRaw: string, mappedFrom: string | undefined): void {
    if (mappedFrom) {
      this.formerRows++;
      const u = this.formerUse.get(mappedFrom);
      if (u) u.count++;
      else this.formerUse.set(mappedFrom, { count: 1, line });
    }
    const former = mappedFrom ?? (getFormerProvince(row.region) ? row.region : undefined);
    const key = this.key(row);
    const prev = this.seen.get(key);
    if (prev !== undefined) return this.collide(prev, row, line, rRaw, former, mappedFrom);
    // Sources repeat on most rows: share one string instead of a copy per row (memory on million-row files).
    row.source = this.share(row.source);
    this.seen.set(key, this.rows.length);
    if (mappedFrom) this.mergedParts.set(this.rows.length, new Set([former!]));
    this.lines.push(line);
    this.rowFormer.push(former);
    this.perIndicator[row.indicator] = (this.perIndicator[row.indicator] ?? 0) + 1;
    this.rows.push(row);
  }

  /** The cell's key: indicator, period, region, sector and qualification. */
  private key(row: Observation): number | string {
    // 5+9+6+7+3 = 30 bits: stays a V8 small integer, so the Map does not allocate heap numbers.
    // An id beyond its field's capacity would spill into the next field (a false duplicate), so such rows use a string key.
    const ki = intern(this.ids.ind, row.indicator);
    const kp = intern(this.ids.per, row.period);
    const kr = intern(this.ids.reg, row.region);
    const ks = intern(this.ids.sec, row.sector);
    const kq = intern(this.ids.qual, row.qualification);
    return ki < 32 && kp < 512 && kr < 64 && ks < 128 && kq < 8 ? (((ki * 512 + kp) * 64 + kr) * 128 + ks) * 8 + kq : `${ki},${kp},${kr},${ks},${kq}`;
  }

  private share(srcRaw: string): string {
    const source = this.sources.get(srcRaw);
    if (source !== undefined) return source;
    if (this.sources.size < 10_000) this.sources.set(srcRaw, srcRaw);
    return srcRaw;
  }

  /** A second row for the cell of row `prev`: added to it when both are former parts of one unit, else a duplicate. */
  private collide(prev: number, row: Observation, line: number, rRaw: string, former: string | undefined, mappedFrom: string | undefined): void {
    const prevFormer = this.rowFormer[prev];
    const canMerge = former && prevFormer && former !== prevFormer && (mappedFrom || this.mergedParts.has(prev)) && !this.mergedParts.get(prev)?.has(former);
    if (canMerge && row.unit === 'percent') {
      this.log.error({
        line,
        column: 'region',
        value: rRaw,
        code: 'MERGE_PERCENT',
        message: `Former province ${former} and ${prevFormer} (line ${this.lines[prev]}) both belong to ${row.region} now; percentages cannot be added. Upload counts, or the rate of the new unit.`,
        messageVi: `Tỉnh cũ ${former} và ${prevFormer} (dòng ${this.lines[prev]}) nay cùng thuộc ${row.region}; không thể cộng tỷ lệ phần trăm. Hãy tải số người, hoặc tỷ lệ của đơn vị mới.`,
      });
      return;
    }
    if (canMerge) {
      const cell = this.rows[prev];
      const src = row.source;
      cell.value += row.value;
      if (cell.source !== src && !cell.source.split(' + ').includes(src)) cell.source = `${cell.source} + ${src}`;
      if (STATUS_RANK[row.status] > STATUS_RANK[cell.status]) cell.status = row.status;
      // The earlier row may be a current unit's own former code (79 before 74 is added): start its set here.
      let parts = this.mergedParts.get(prev);
      if (!parts) this.mergedParts.set(prev, (parts = new Set([prevFormer])));
      parts.add(former);
      return;
    }
    this.log.error({
      line,
      column: null,
      value: `${row.indicator},${row.period},${row.region},${row.sector},${row.qualification}`,
      code: 'DUPLICATE_KEY',
      message: `Duplicate of line ${this.lines[prev]}: same indicator, period, region, sector and qualification.`,
      messageVi: `Trùng với dòng ${this.lines[prev]}: cùng chỉ tiêu, kỳ, địa bàn, ngành và trình độ.`,
    });
  }

  /** Warns once per former province mapped (with its row count and first line). */
  warnFormer(): void {
    for (const [code, u] of this.formerUse) {
      const f = getFormerProvince(code)!;
      const to = getRegion(f.current)!;
      this.log.warning({
        line: u.line,
        column: 'region',
        value: code,
        code: 'FORMER_PROVINCE',
        message: `Former province ${f.code} ${f.vi} is part of ${to.code} ${to.vi} since 1 Jul 2025: ${u.count} row(s) mapped (first at line ${u.line}).`,
        messageVi: `Tỉnh cũ ${f.code} ${f.vi} thuộc ${to.code} ${to.vi} từ 1/7/2025: đã chuyển ${u.count} dòng (đầu tiên ở dòng ${u.line}).`,
      });
    }
  }

  /** Warns once per unit whose merged cells miss some of its former provinces; returns the count of cells that merged several. */
  warnPartial(): number {
    const partial = new Map<string, { count: number; line: number; parts: string }>();
    let merged = 0;
    for (const [i, parts] of this.mergedParts) {
      if (parts.size > 1) merged++;
      const unit = getRegion(this.rows[i].region)!;
      const missing = (unit.formerCodes ?? []).filter((c) => !parts.has(c));
      if (missing.length === 0) continue;
      const p = partial.get(unit.code);
      if (p) p.count++;
      else partial.set(unit.code, { count: 1, line: this.lines[i], parts: `has ${[...parts].join(', ')}; missing ${missing.join(', ')}` });
    }
    for (const [code, p] of partial) {
      this.log.warning({
        line: p.line,
        column: 'region',
        value: code,
        code: 'PARTIAL_MERGE',
        message: `${p.count} cell(s) of ${code} ${getRegion(code)!.vi} cover only some of its former provinces (first at line ${p.line}: ${p.parts}); their values are partial.`,
        messageVi: `${p.count} ô của ${code} ${getRegion(code)!.vi} chỉ gồm một phần các tỉnh cũ (đầu tiên ở dòng ${p.line}); giá trị chưa đầy đủ.`,
      });
    }
    return merged;
  }

  /** First and last period seen in valid rows, or null when there are none. */
  periods(): { min: string; max: string } | null {
    let min: string | null = null;
    let max: string | null = null;
    for (const p of this.ids.per.keys()) {
      if (min === null || p < min) min = p;
      if (max === null || p > max) max = p;
    }
    return min && max ? { min, max } : null;
  }
}
