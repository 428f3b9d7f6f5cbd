/**
 * The national unemployment rate's two definitions, as the API declares them (`rateDefinition`):
 * GSO's official rate is of the working-age labour force, the system's forecast is of everyone
 * 15+ (1 − employment ÷ labour force). The note gives both in the last history year, so the step
 * between history and forecast is not read as a fall in unemployment.
 */
import { formatDecimal, type Lang } from '../i18n/format';

/** What the note reads of a forecast (GET /api/forecasts `rateDefinition`). */
export interface ForecastWithRateDefinition {
  rateDefinition?: { period: string; history: number; forecast: number };
}

/** The chart note, or null when the forecast declares no difference. */
export function rateDefinitionNote(
  fc: ForecastWithRateDefinition | null | undefined,
  t: (key: string, o?: Record<string, unknown>) => string,
  lang: Lang,
): string | null {
  const d = fc?.rateDefinition;
  if (!d) return null;
  return t('chart.rateDefinition', { year: d.period, history: formatDecimal(d.history, lang, 2), forecast: formatDecimal(d.forecast, lang, 2) });
}
