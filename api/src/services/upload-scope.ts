/**
 * Central and local, connected (issue 15 §9): a token may be scoped to one or
 * more provinces or regions, so a provincial labour department uploads its own
 * figures into the one national database without being able to change anyone
 * else's. A region in the scope covers its provinces; `VN` (national) cells are
 * never inside a scope. Unscoped tokens (null) are central and may upload anything.
 *
 * The check is on the file's cells, before anything is written, and is the same
 * for a dry run and the real upload: any cell of another area refuses the whole
 * file (403 naming the cells), even when its value would not change, so what a
 * scoped analyst sends is exactly what they may change.
 */
import { getFormerProvince, getRegion, PROVINCES, type Region } from '@lmo/models';
import { DomainError } from '../domain-error';
import type { ParsedUpload } from './upload-result';

/** A token scope: sorted, distinct province and region codes; null means unscoped (central). */
export type Scope = readonly string[] | null;

/** Most codes one scope may name (34 provinces + 6 regions). */
export const MAX_SCOPE_CODES = 40;
/** Out-of-scope cells listed in a 403 (all are counted). */
export const MAX_LISTED_OUT_OF_SCOPE = 1_000;

/** A scope that cannot be used; `code` is stable for clients. */
export class ScopeError extends Error {
  override readonly name = 'ScopeError';
  readonly code = 'BAD_SCOPE';
}

const SCOPABLE = (r: Region | undefined) => r !== undefined && (r.level === 'province' || r.level === 'region');

/**
 * Reads a scope from `--scope 01,79`, `"01, SE"` or `["01", "SE"]`: codes are
 * trimmed, upper-cased (regions), deduplicated and sorted. Empty input is null
 * (unscoped). Throws ScopeError naming the bad code (`VN`, a former province,
 * anything not in the 34-unit list or the six regions).
 */
export function normalizeScope(input: string | readonly string[] | null | undefined): Scope {
  if (input === null || input === undefined) return null;
  const parts = (typeof input === 'string' ? input.split(',') : input).map((s) => String(s).trim().toUpperCase()).filter(Boolean);
  if (parts.length === 0) return null;
  const codes = new Set<string>();
  for (const raw of parts) {
    const code = /^\d$/.test(raw) ? `0${raw}` : raw;
    const region = getRegion(code);
    if (SCOPABLE(region)) {
      codes.add(code);
      continue;
    }
    if (code === 'VN') throw new ScopeError('VN (the whole country) cannot be a scope: leave the scope empty for a central (unscoped) token.');
    const former = getFormerProvince(code);
    if (former)
      throw new ScopeError(
        `${code} is a former province (${former.vi}); since 1 July 2025 it is part of ${former.current} (${getRegion(former.current)?.vi}): use ${former.current}.`,
      );
    throw new ScopeError(
      `Unknown area "${raw.slice(0, 20)}" in the scope: use province codes of the 34-unit list (01, 79, …) or region codes (NMM, RRD, NCCC, CH, SE, MRD).`,
    );
  }
  if (codes.size > MAX_SCOPE_CODES) throw new ScopeError(`A scope names at most ${MAX_SCOPE_CODES} areas.`);
  return [...codes].sort();
}

/** Every area code a scope covers: its codes, plus the provinces of its regions. */
export function scopeCoverage(scope: readonly string[]): Set<string> {
  const out = new Set(scope);
  for (const p of PROVINCES) if (p.parent && out.has(p.parent)) out.add(p.code);
  return out;
}

/** True when `region` may be changed under `scope` (always, when unscoped). */
export function scopeCovers(scope: Scope, region: string): boolean {
  return scope === null || scopeCoverage(scope).has(region);
}

/** `01 Hà Nội, SE Đông Nam Bộ`: a scope for messages (Vietnamese names; codes are the key). */
export function describeScope(scope: Scope, lang: 'vi' | 'en' = 'vi'): string {
  if (scope === null) return lang === 'vi' ? 'toàn quốc (trung ương)' : 'every area (central)';
  return scope.map((c) => `${c} ${getRegion(c)?.[lang] ?? ''}`.trim()).join(', ');
}

/** A scope as areas with names (for the session and token lists). */
export function scopeAreas(scope: Scope): { code: string; level: 'province' | 'region'; vi: string; en: string }[] | null {
  if (scope === null) return null;
  return scope.map((code) => {
    const r = getRegion(code)!;
    return { code, level: r.level as 'province' | 'region', vi: r.vi, en: r.en };
  });
}

/** One cell of a file outside the uploader's scope. */
export interface OutOfScopeCell {
  line: number;
  column: string | null;
  region: string;
  indicator: string;
  period: string;
  sector: string;
  qualification: string;
}

/** The file's cells outside `scope`, in file order (at most `max`; `count` counts all, `regions` per area). */
export function findOutOfScope(parsed: Pick<ParsedUpload, 'observations' | 'origins'>, scope: Scope, max = MAX_LISTED_OUT_OF_SCOPE) {
  const cells: OutOfScopeCell[] = [];
  const regions: Record<string, number> = {};
  let count = 0;
  if (scope === null) return { cells, count, regions };
  const covered = scopeCoverage(scope);
  parsed.observations.forEach((o, i) => {
    if (covered.has(o.region)) return;
    count++;
    regions[o.region] = (regions[o.region] ?? 0) + 1;
    if (cells.length < max) {
      cells.push({ ...parsed.origins(i), region: o.region, indicator: o.indicator, period: o.period, sector: o.sector, qualification: o.qualification });
    }
  });
  return { cells, count, regions };
}

/** The distinct areas (region codes) of an upload's cells, sorted: what the audit log says it was for. */
export function uploadAreas(parsed: Pick<ParsedUpload, 'observations'>): string[] {
  return [...new Set(parsed.observations.map((o) => o.region))].sort();
}

/** The OUT_OF_SCOPE error (403) naming the cells of other areas; `errors` lets the upload page list them like validation issues. */
export function outOfScopeProblem(found: ReturnType<typeof findOutOfScope>, scope: readonly string[]): DomainError {
  const more = found.count > found.cells.length ? ` The first ${found.cells.length} are listed.` : '';
  const per = Object.entries(found.regions)
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r}: ${n}`)
    .join(', ');
  const where = (c: OutOfScopeCell) => (c.line > 0 ? `line ${c.line}${c.column ? `, column ${c.column}` : ''}` : 'computed from the file');
  return new DomainError(
    'OUT_OF_SCOPE',
    `Your token may upload data for ${describeScope(scope, 'en')} only; ${found.count} cell(s) of the file are for other areas (${per}); nothing was stored.${more} Remove those rows, or ask a central analyst to upload them.`,
    {
      messageVi: `Mã truy cập của bạn chỉ được tải lên dữ liệu của ${describeScope(scope, 'vi')}; ${found.count} ô của tệp thuộc địa bàn khác (${per}); không có gì được lưu. Hãy bỏ các dòng đó, hoặc nhờ cán bộ phân tích trung ương tải lên.`,
      details: { scope: [...scope], cells: found.cells, cellCount: found.count, regions: found.regions, errorCount: found.count },
      errors: found.cells.map((c) => ({
        path: c.column ?? 'region',
        line: c.line,
        column: c.column ?? 'region',
        value: c.region,
        code: 'OUT_OF_SCOPE',
        message: `${where(c)}: area ${c.region} (${getRegion(c.region)?.en ?? c.region}) is outside your scope (${scope.join(', ')}).`,
        messageVi: `${c.line > 0 ? `dòng ${c.line}` : 'tính từ tệp'}: địa bàn ${c.region} (${getRegion(c.region)?.vi ?? c.region}) nằm ngoài phạm vi của bạn (${scope.join(', ')}).`,
      })),
    },
  );
}

/** Throws the 403 when `scope` does not cover every cell of the file; nothing happens for unscoped uploads. */
export function assertInScope(parsed: Pick<ParsedUpload, 'observations' | 'origins'>, scope: Scope | undefined): void {
  if (!scope) return;
  const found = findOutOfScope(parsed, scope);
  if (found.count > 0) throw outOfScopeProblem(found, scope);
}
