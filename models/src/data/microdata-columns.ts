import { closest, foldKey } from '../codes/normalize';
import { excerpt, EXCERPT_CHARS } from './plausibility';

/**
 * Canonical microdata columns, in the order the example file uses. `id` and
 * `sex` are recognised so LFS extracts load without warnings, but the
 * aggregation does not use them.
 */
export const MICRODATA_COLUMNS = ['id', 'province', 'sector', 'qualification', 'status', 'age', 'sex', 'weight', 'psu', 'stratum'] as const;
export type MicrodataColumn = (typeof MICRODATA_COLUMNS)[number];

/** Columns every microdata file must have; `psu` and `stratum` are optional. */
export const REQUIRED_MICRODATA_COLUMNS: readonly MicrodataColumn[] = ['province', 'sector', 'qualification', 'status', 'age', 'weight'];

// Header spellings seen in LFS extracts, compared after foldKey (no case, diacritics or punctuation).
const ALIASES: Record<MicrodataColumn, string[]> = {
  province: ['province', 'tinh', 'matinh', 'tinhthanh', 'tinhthanhpho', 'provincecode'],
  sector: ['sector', 'nganh', 'nganhkinhte', 'manganh', 'vsic', 'industry'],
  qualification: ['qualification', 'trinhdo', 'trinhdocmkt', 'trinhdochuyenmon', 'cmkt', 'education'],
  status: ['status', 'labourstatus', 'laborstatus', 'tinhtrang', 'tinhtranghoatdong', 'lfsstatus'],
  age: ['age', 'tuoi'],
  weight: ['weight', 'wt', 'trongso', 'quyenso', 'weightfinal', 'finalweight'],
  psu: ['psu', 'cluster', 'diaban', 'madiaban', 'ea'],
  id: ['id', 'personid', 'respondentid', 'mathanhvien', 'stt'],
  sex: ['sex', 'gender', 'gioitinh'],
  stratum: ['stratum', 'strata', 'tang'],
};

const ALIAS_TO_COLUMN = new Map<string, MicrodataColumn>(
  (Object.entries(ALIASES) as [MicrodataColumn, string[]][]).flatMap(([col, keys]) => keys.map((k) => [k, col] as const)),
);

/** Result of matching a file's header to the microdata columns. */
export interface MicrodataHeader {
  /** Column → 0-based index in the file. */
  index: Partial<Record<MicrodataColumn, number>>;
  /** Original header names, for error messages. */
  names: string[];
  problems: { column: string; code: 'MISSING_COLUMN' | 'UNKNOWN_COLUMN' | 'DUPLICATE_COLUMN'; message: string }[];
}

/**
 * Matches header names to microdata columns (case-, diacritic- and
 * punctuation-insensitive, Vietnamese aliases such as `tinh`, `trong_so`).
 * Unknown columns are reported with a "did you mean" hint but are not fatal;
 * missing required columns are.
 */
export function mapMicrodataHeader(header: string[]): MicrodataHeader {
  const index: MicrodataHeader['index'] = {};
  const problems: MicrodataHeader['problems'] = [];
  header.forEach((raw, i) => {
    const full = raw.trim();
    if (full === '') return;
    // An overlong "name" (a whole file on one line) is quoted in part and never matched: fuzzy matching it would take seconds.
    const name = excerpt(full);
    if (full.length > EXCERPT_CHARS) {
      problems.push({ column: name, code: 'UNKNOWN_COLUMN', message: `Unknown column "${name}" is ignored.` });
      return;
    }
    const col = ALIAS_TO_COLUMN.get(foldKey(name));
    if (!col) {
      const hint = closest(name, [...MICRODATA_COLUMNS]);
      problems.push({
        column: name,
        code: 'UNKNOWN_COLUMN',
        message: `Unknown column "${name}" is ignored${hint ? ` — did you mean "${hint}"?` : ''}.`,
      });
    } else if (index[col] !== undefined) {
      problems.push({ column: name, code: 'DUPLICATE_COLUMN', message: `Column "${name}" repeats "${header[index[col]!]}" (both mean ${col}).` });
    } else {
      index[col] = i;
    }
  });
  for (const col of REQUIRED_MICRODATA_COLUMNS) {
    if (index[col] === undefined) {
      problems.push({
        column: col,
        code: 'MISSING_COLUMN',
        message: `Required column "${col}" is missing (columns: ${REQUIRED_MICRODATA_COLUMNS.join(', ')}; optional: psu, stratum).`,
      });
    }
  }
  return { index, names: header, problems };
}

/** Labour-force status of a respondent (ILO, as in the GSO LFS). */
export type LabourStatus = 'employed' | 'unemployed' | 'outside';

const STATUS_ALIASES: Record<LabourStatus, string[]> = {
  employed: ['employed', 'e', '1', 'covieclam', 'dangcovieclam', 'colamviec', 'vieclam'],
  unemployed: ['unemployed', 'u', '2', 'thatnghiep'],
  outside: [
    'outside',
    'o',
    '3',
    'outsidelabourforce',
    'outsidethelabourforce',
    'notinlabourforce',
    'notinthelabourforce',
    'inactive',
    'ngoailuclaodong',
    'ngoailucluonglaodong',
    'khongthamgialuclaodong',
    'khongthamgialucluonglaodong',
  ],
};
const STATUS_BY_KEY = new Map<string, LabourStatus>(
  (Object.entries(STATUS_ALIASES) as [LabourStatus, string[]][]).flatMap(([s, keys]) => keys.map((k) => [k, s] as const)),
);

/** Parses a labour status: `employed`/`unemployed`/`outside`, LFS codes 1/2/3 or Vietnamese labels. */
export function parseLabourStatus(raw: string): LabourStatus | undefined {
  return STATUS_BY_KEY.get(foldKey(raw));
}
