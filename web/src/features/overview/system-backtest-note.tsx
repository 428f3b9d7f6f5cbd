import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accuracyText } from '../../components/accuracy-note';
import type { Lang } from '../../i18n/format';
import { Link } from '../../router/link';
import { methodologyQueries } from '../methodology/queries';
import { systemBacktestNote } from '../methodology/system-backtest-rows';

/**
 * Under the overview's system chart: how the supply–demand system itself did when refitted at past
 * origins (the line drawn is the system's; the accuracy note beside it is the engine's benchmark).
 * Shown only when the backtest describes the served data.
 */
export function SystemBacktestNote() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const accuracy = useQuery(methodologyQueries.accuracy());
  const note = systemBacktestNote(accuracy.data?.system);
  if (!note) return null;
  const items = note.items.map((i) => accuracyText({ ...i, label: t(`methodology.system.series.${i.series}`) }, t, lang));
  return (
    <p className="accuracy-note" data-testid="system-backtest-note">
      <span className="label">{t('accuracy.systemTitle', { from: note.origins[0], to: note.origins.at(-1) })}:</span> {items.join(' · ')}.{' '}
      <Link to={{ page: 'methodology' }}>{t('accuracy.systemMore')} →</Link>
    </p>
  );
}
