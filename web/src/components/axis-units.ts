/**
 * One unit per axis: the unit (units, thousands, millions, billions) is picked once from the
 * axis's top value and every tick is written in it ("-2 Tr, -1,5 Tr, -0,5 Tr, 0"), never a mix of
 * "-2 Tr" and "-650 N" as per-tick compact notation gives.
 */
import type { Lang } from '../i18n/format';

export type AxisUnitKey = 'thousandShort' | 'millionShort' | 'billionShort';

/** A unit: what each tick is divided by and the i18n key (under `units.`) of its short word. */
export interface AxisUnit {
  divisor: number;
  suffix: AxisUnitKey | null;
}

const STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or above `x`: about where a chart axis ends. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (STEPS.find((s) => s >= m - 1e-9) ?? 10) * p;
}

/** The unit of an axis whose values reach `maxAbs` in magnitude (chosen from the axis top, not each tick). */
export function pickAxisUnit(maxAbs: number): AxisUnit {
  const top = niceCeil(Math.abs(maxAbs));
  if (top >= 1e9) return { divisor: 1e9, suffix: 'billionShort' };
  if (top >= 1e6) return { divisor: 1e6, suffix: 'millionShort' };
  if (top >= 1e4) return { divisor: 1e3, suffix: 'thousandShort' };
  return { divisor: 1, suffix: null };
}

/** Largest magnitude among numbers and [low, high] pairs (bands), skipping anything else. */
export function maxAbsOf(values: Iterable<unknown>): number {
  let max = 0;
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
    else if (Array.isArray(v)) max = Math.max(max, maxAbsOf(v));
  }
  return max;
}

const formats = new Map<Lang, Intl.NumberFormat>();

/**
 * Tick formatter for an axis reaching `maxAbs`: every tick in the same unit, up to two decimals
 * (locale separators), 0 written bare. `t` supplies the unit words (`units.millionShort` …).
 */
export function axisTickFormatter(maxAbs: number, lang: Lang, t: (key: string) => string): (value: number) => string {
  const unit = pickAxisUnit(maxAbs);
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 });
    formats.set(lang, f);
  }
  const fmt = f;
  const word = unit.suffix ? t(`units.${unit.suffix}`) : '';
  return (value: number) => {
    if (!Number.isFinite(value)) return '';
    if (value === 0) return '0';
    const text = fmt.format(value / unit.divisor);
    return word ? `${text} ${word}` : text;
  };
}
