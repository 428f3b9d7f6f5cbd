/**
 * Words for scenario parameters: a lever value with its unit, and a one-line-per-parameter
 * summary of a whole parameter set (the scenario selector shows it for a custom scenario).
 */
import { PARAMETER_NAMES, specOf, type ParameterName, type ParameterUnit } from '@lmo/models/labour';
import type { ScenarioParameters } from '../../api/types';
import { formatDecimal, formatInteger, type Lang } from '../../i18n/format';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Fraction digits a step needs: 0.5 → 1, 0.25 → 2, 5 → 0. */
export function digitsOf(step: number): number {
  if (step >= 1) return 0;
  const text = String(step);
  return text.includes('.') ? text.split('.')[1]!.length : 2;
}

/** Names of levers whose value is a change against the baseline (shown with a sign). */
const CHANGES = new Set<ParameterName>(['valueAddedGrowthChange', 'productivityGrowthChange', 'participationChange', 'trainingOutputChange', 'exitRateChange']);

/** A value in its unit, vi-VN / en-US: `+1,5 điểm %/năm`, `12,0 %/năm`, `5.000 lao động`. */
export function formatLeverValue(value: number, unit: ParameterUnit, lang: Lang, t: T, options: { step?: number; signed?: boolean } = {}): string {
  // Ages are written as they are set (65, 65,5, 65,25); other units with the slider's precision.
  const exact = Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2;
  const digits = options.step === undefined || unit === 'years' ? exact : digitsOf(options.step);
  const number = unit === 'year' ? String(value) : digits === 0 ? formatInteger(value, lang) : formatDecimal(value, lang, digits);
  const sign = options.signed && value > 0 ? '+' : '';
  return `${sign}${number} ${t(`scenario.units.${unit}`)}`;
}

/** Whether a lever of this parameter shows its value with a sign. */
export const isChange = (name: ParameterName) => CHANGES.has(name);

/** Names the keys of keyed parameters (sections, levels, fields, sex × age). */
export interface KeyNamer {
  (name: ParameterName, key: string): string;
}

function periods(value: Record<string, number>, unit: ParameterUnit, lang: Lang, t: T, step: number): string {
  return Object.entries(value)
    .map(([period, v]) => `${period}: ${formatLeverValue(v, unit, lang, t, { step })}`)
    .join('; ');
}

/**
 * One line per set parameter, in the levers' order: `Spec label — key: value unit`. Parameters the
 * builder does not show as levers (per-period growth, absolute graduates) are summarised too, so
 * nothing a scenario contains is hidden from the reader.
 */
export function summariseParameters(params: ScenarioParameters | undefined, lang: Lang, t: T, keyName: KeyNamer): string[] {
  const lines: string[] = [];
  const p = (params ?? {}) as Record<string, unknown>;
  for (const name of PARAMETER_NAMES) {
    const value = p[name];
    if (value === undefined) continue;
    const spec = specOf(name);
    const label = lang === 'vi' ? spec.vi : spec.en;
    const fmt = (v: number) => formatLeverValue(v, spec.unit, lang, t, { step: spec.step, signed: isChange(name) });
    if (typeof value === 'number') {
      lines.push(`${label}: ${fmt(value)}`);
      continue;
    }
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      let text: string;
      if (typeof v === 'number') text = fmt(v);
      else if (name === 'retirementAge') {
        const r = v as { target: number; startYear?: number; stepMonths?: number };
        text = [
          formatLeverValue(r.target, 'years', lang, t, { step: 0.25 }),
          r.startYear !== undefined ? t('scenario.fromYear', { year: r.startYear }) : '',
          r.stepMonths !== undefined ? t('scenario.monthsPerYear', { count: r.stepMonths }) : '',
        ]
          .filter(Boolean)
          .join(', ');
      } else text = periods(v as Record<string, number>, spec.unit, lang, t, spec.step);
      lines.push(`${label} — ${keyName(name, key)}: ${text}`);
    }
  }
  return lines;
}

/** Key names from the code lists (sections, levels, fields) and i18n (sexes, "every sector"). */
export function makeKeyNamer(names: { sector(code: string): string; qualification(code: string): string }, t: T): KeyNamer {
  return (name, key) => {
    if (key === '*') return t('scenario.allSectors');
    if (name === 'participationChange') {
      const [sex, age] = key.split(':');
      return `${t(`scenario.sex.${sex}`)} ${age!.replace('-', '–')}`;
    }
    if (name === 'retirementAge') return t(`scenario.sex.${key}`);
    if (name === 'trainingOutputChange' || name === 'trainingOutput') return names.qualification(key);
    return names.sector(key);
  };
}
