import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Accuracy } from '../api/types';
import { formatDecimal, formatPercent, type Lang } from '../i18n/format';

/** "label — MASE 0,86 (naive 1,06), trúng khoảng 80% 92%": one backtest beside naive, as the notes write it. */
export function accuracyText(a: { label: string; mase: number | null; naiveMase: number | null; coverage80: number | null }, t: TFunction, lang: Lang): string {
  const cov = a.coverage80 === null ? '' : `, ${t('accuracy.coverage80')} ${formatPercent(a.coverage80 * 100, lang, 0)}`;
  return `${a.label} — MASE ${formatDecimal(a.mase, lang, 2)} (${t('accuracy.naive')} ${formatDecimal(a.naiveMase, lang, 2)})${cov}`;
}

/**
 * One line under a forecast chart: the measured backtest accuracy of that forecast, beside naive.
 * For a forecast the supply–demand system makes, the API's figures are a benchmark's (the
 * single-series engine on the same history, named in `accuracy.benchmark`), not the line's own,
 * and the note says so rather than pass them off as the line's.
 */
export function AccuracyNote({ items }: { items: { label: string; accuracy?: Accuracy | null }[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const shown = items.filter((i) => i.accuracy && i.accuracy.mase !== null && i.accuracy.naiveMase !== null);
  if (shown.length === 0) return <p className="accuracy-note">{t('accuracy.none')}</p>;
  return (
    <p className="accuracy-note" data-testid="accuracy-note">
      <span className="label">{t('accuracy.title')}:</span>{' '}
      {shown
        .map((i) => {
          const a = i.accuracy!;
          const benchmark = a.benchmark ? ` (${t('accuracy.engineBenchmark')})` : '';
          return `${accuracyText({ ...a, label: i.label }, t, lang)}, ${t('accuracy.origins', { count: a.origins })}${benchmark}`;
        })
        .join(' · ')}
    </p>
  );
}
