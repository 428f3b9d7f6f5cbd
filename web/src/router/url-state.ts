/**
 * Every view of the dashboard is described by the query string, so any view can be
 * shared as a link. This module is the single place that parses and writes it.
 */

export const PAGES = ['overview', 'regions', 'sectors', 'new-fields', 'training', 'methodology', 'upload'] as const;
export type PageId = (typeof PAGES)[number];
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const HORIZONS = [1, 3, 5, 10] as const;
export type Horizon = (typeof HORIZONS)[number];

/** The complete, typed state of a view. Optional keys are absent from the URL when unset. */
export interface UrlState {
  page: PageId;
  lang: Lang;
  scenario: string;
  horizon: Horizon;
  /** Province or region code (regions, training planner). */
  region?: string;
  /** Sector code (sector detail). */
  sector?: string;
  /** Qualification filter. */
  qual?: string;
  /** New-field code. */
  field?: string;
  /** Regions page: map of 34 provinces or the 6 regions. */
  view?: 'provinces' | 'regions';
  /** Table sorting: column and direction. */
  sort?: string;
  dir?: 'asc' | 'desc';
  /** Table flag filter. */
  flag?: string;
  /** Free-text filter. */
  q?: string;
  /**
   * Compare view: the reference scenario the current one is set against (B − A, A = this).
   * Off when absent; `?compare` without a value means the baseline.
   */
  compare?: string;
}

export const DEFAULT_STATE: UrlState = { page: 'overview', lang: 'vi', scenario: 'baseline', horizon: 10 };

const OPTIONAL_KEYS = ['region', 'sector', 'qual', 'field', 'view', 'sort', 'dir', 'flag', 'q', 'compare'] as const;

function oneOf<T extends string | number>(list: readonly T[], value: unknown, fallback: T): T {
  return list.includes(value as T) ? (value as T) : fallback;
}

/** Parses a query string (with or without `?`); unknown or invalid values fall back to defaults. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const state: UrlState = {
    page: oneOf(PAGES, params.get('page'), DEFAULT_STATE.page),
    lang: oneOf(LANGS, params.get('lang'), DEFAULT_STATE.lang),
    scenario: params.get('scenario')?.trim() || DEFAULT_STATE.scenario,
    horizon: oneOf(HORIZONS, Number(params.get('horizon')), DEFAULT_STATE.horizon),
  };
  for (const key of OPTIONAL_KEYS) {
    const value = params.get(key)?.trim();
    if (value) (state as unknown as Record<string, string>)[key] = value;
  }
  // `?compare` (present, no value) switches the compare view on against the baseline.
  if (params.has('compare') && !state.compare) state.compare = DEFAULT_STATE.scenario;
  if (state.view && state.view !== 'provinces' && state.view !== 'regions') delete state.view;
  if (state.dir && state.dir !== 'asc' && state.dir !== 'desc') delete state.dir;
  return state;
}

/** Writes a state as a query string (leading `?`), leaving defaults out so links stay short. */
export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.page !== DEFAULT_STATE.page) params.set('page', state.page);
  if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
  if (state.scenario !== DEFAULT_STATE.scenario) params.set('scenario', state.scenario);
  if (state.horizon !== DEFAULT_STATE.horizon) params.set('horizon', String(state.horizon));
  for (const key of OPTIONAL_KEYS) {
    const value = state[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '?';
}

/** A patch; `undefined` removes an optional key. */
export type UrlPatch = Partial<UrlState>;

/** Applies a patch. Changing page drops page-specific keys that would not mean anything on the new page. */
export function applyPatch(state: UrlState, patch: UrlPatch): UrlState {
  const next = { ...state, ...patch } as UrlState;
  for (const key of Object.keys(patch) as (keyof UrlState)[]) {
    if (patch[key] === undefined) delete next[key];
  }
  if (patch.page && patch.page !== state.page) {
    for (const key of ['sort', 'dir', 'flag', 'q'] as const) if (!(key in patch)) delete next[key];
  }
  return next;
}
