import type { DataLevelRow, Status } from '../api/types';
import type { Lang } from '../i18n/format';
import { isStatus, uniqueStatuses } from '../components/status';

/**
 * The one place that reads what a served number rests on. The API puts `basis: Status[]` on
 * forecasts, gap rows and their responses, and `dataBasis` on targets (the statuses of the observations behind a
 * modelled figure); older responses have only `status` and history points. Every page asks these
 * helpers, so no component reshapes API objects itself.
 */

/**
 * Any served object that may say what it rests on. `basis` is a status list on forecasts and gaps
 * but a string ('decision' | 'assumption') on targets, and `status` is one status or a column of
 * them, so those stay `unknown` and are checked below; history is served as points.
 */
type Based = { basis?: unknown; dataBasis?: unknown; status?: unknown; history?: readonly { status: unknown }[] } | null | undefined;

/**
 * What one served object rests on: its `basis` when the API sends one; otherwise the statuses of
 * its own history points; otherwise its own status when that is an observation status (an
 * official series rests on itself). A modelled figure with nothing known rests on nothing.
 */
export function basisOf(item: Based): Status[] {
  if (!item) return [];
  // Targets name it `dataBasis` (their `basis` is 'decision' | 'assumption').
  if (Array.isArray(item.dataBasis)) return uniqueStatuses(item.dataBasis);
  if (Array.isArray(item.basis)) return uniqueStatuses(item.basis);
  const fromHistory = uniqueStatuses((item.history ?? []).map((p) => p.status));
  if (fromHistory.length) return fromHistory;
  return isStatus(item.status) && item.status !== 'modelled' ? [item.status] : [];
}

/** Union of the bases of several objects (rows of a table, series of a chart), in status order. */
export function mergeBasis(...items: (Based | Status[] | undefined)[]): Status[] {
  const all: Status[] = [];
  for (const item of items) all.push(...(Array.isArray(item) ? uniqueStatuses(item) : basisOf(item)));
  return uniqueStatuses(all);
}

/** Basis of a list of rows plus the response's own top-level `basis`, if any. */
export function basisOfRows(rows: readonly Based[] | undefined, response?: Based): Status[] {
  const top = response && (Array.isArray(response.basis) || Array.isArray(response.dataBasis)) ? response : undefined;
  return mergeBasis(top, ...(rows ?? []));
}

/**
 * The distinct sources of several served answers, in the order given; answers not loaded yet, or
 * without a source, add none. A chart built on several series names each source once.
 */
export function servedSources(...items: ({ source?: string | null } | null | undefined)[]): string[] {
  return [...new Set(items.map((item) => item?.source).filter((s): s is string => Boolean(s)))];
}

/** Data levels (`level` ids of /api/meta `dataLevels`) a view's numbers rest on. */
export type LevelId = string;

/** A level's name in the chosen language, else the other language, else its id. */
export function levelName(row: Pick<DataLevelRow, 'level' | 'nameVi' | 'nameEn'>, lang: Lang): string {
  return (lang === 'vi' ? row.nameVi || row.nameEn : row.nameEn || row.nameVi) || row.level;
}

/**
 * Names of the levels that are illustrative, for the illustrative note: those of `candidates`
 * (the levels the view rests on) that have an illustrative row in `dataLevels`, in the table's
 * order; when none of the candidates is listed, every illustrative level (better too much than a
 * note that names nothing). Empty when the API sends no `dataLevels`.
 */
export function illustrativeLevelNames(dataLevels: readonly DataLevelRow[] | undefined, candidates: readonly LevelId[], lang: Lang): string[] {
  const illustrative = (dataLevels ?? []).filter((row) => row.status === 'illustrative');
  const wanted = illustrative.filter((row) => candidates.includes(row.level));
  const rows = wanted.length ? wanted : illustrative;
  const names = rows.map((row) => levelName(row, lang));
  return [...new Set(names)];
}

/**
 * The levels of detail behind each kind of view. A gap row rests on employment at its own level
 * and on graduates, exits and entrants; forecasts of national totals also rest on the detail that
 * is reconciled into them.
 */
export const VIEW_LEVELS = {
  nationalForecast: ['national-total', 'national-section', 'province-section-qualification'],
  nationalGaps: ['national-section-qualification', 'national-qualification', 'graduates', 'exits', 'vacancies'],
  areaGaps: ['provinces', 'regions', 'province-section-qualification', 'graduates', 'exits', 'vacancies'],
  sector: ['national-section', 'national-section-qualification', 'province-section-qualification', 'graduates', 'exits'],
  newFields: ['new-fields', 'graduates'],
} as const satisfies Record<string, readonly LevelId[]>;
