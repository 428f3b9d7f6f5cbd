/**
 * Which columns of an uploaded file the browser profile looks at: code
 * columns get value counts, and one numeric column is summed by region and by
 * sector. Pure, so it is tested without loading danfojs.
 */
import type { UploadFormat } from '@lmo/models/data';

export interface ProfilePlan {
  /** Columns whose values are codes (value counts). */
  codes: string[];
  /** Region-like column to group by. */
  region: string | null;
  /** Sector column to group by. */
  sector: string | null;
  /** Column summed per group: `value` (long) or `weight` (microdata). */
  measure: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();
const ALIASES: Record<string, string[]> = {
  region: ['region', 'province', 'tinh', 'dia_ban', 'diaban', 'country code', 'country name', 'ref_area'],
  sector: ['sector', 'nganh', 'industry'],
  qualification: ['qualification', 'trinh_do', 'trinhdo'],
  indicator: ['indicator', 'chi_tieu', 'indicator code', 'indicator name'],
  status: ['status', 'tinh_trang', 'trang_thai'],
  unit: ['unit', 'don_vi'],
  value: ['value', 'gia_tri', 'obs_value'],
  weight: ['weight', 'trong_so', 'quyen_so'],
};

function find(header: readonly string[], role: string): string | null {
  const wanted = ALIASES[role];
  return header.find((h) => wanted.includes(fold(h))) ?? null;
}

/** Decides what to count and sum for `header` in `format`. */
export function planProfile(header: readonly string[], format: UploadFormat): ProfilePlan {
  const region = find(header, 'region');
  const sector = find(header, 'sector');
  const codes = ['indicator', 'region', 'sector', 'qualification', 'status', 'unit'].map((r) => find(header, r)).filter((c): c is string => c !== null);
  // SDMX-CSV has one value per row (OBS_VALUE) like the long format.
  const measure = format === 'microdata' ? find(header, 'weight') : format === 'long' || format === 'sdmx' ? find(header, 'value') : null;
  return { codes: [...new Set(codes)], region, sector, measure };
}

/**
 * Where the header is: wide downloads (World Bank) put metadata lines above
 * it. The header is the first of the first 30 lines with the most fields.
 */
export function headerLineIndex(lines: readonly string[][]): number {
  const head = lines.slice(0, 30);
  const widest = Math.max(0, ...head.map((l) => l.filter((c) => c.trim() !== '').length));
  return Math.max(
    0,
    head.findIndex((l) => l.filter((c) => c.trim() !== '').length === widest),
  );
}

/**
 * Whether the start of a file is XML (SDMX-ML): the browser profile reads
 * CSV only, so the page shows a "no preview for XML" note instead.
 */
export function looksLikeXml(head: string): boolean {
  return head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');
}
