import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n/format';
import { methodologyQueries } from './queries';
import { toMethodNotes } from './method-notes';
import { useSourceText } from '../meta/use-source-text';

/**
 * The method notes the current outlook was computed with (GET /api/gaps `assumptions.sources`:
 * the national system's methods and the notes on openings, supply and flags), each with its source.
 * Served per run, so the page never describes a method the numbers were not made with.
 */
export function MethodNotesList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const gaps = useQuery(methodologyQueries.notes());
  const rows = toMethodNotes(gaps.data?.assumptions?.sources, lang);
  const sourceText = useSourceText();
  return (
    <section className="card prose" aria-labelledby="notes-heading" data-testid="method-notes">
      <h2 id="notes-heading">{t('methodology.notesTitle')}</h2>
      <p className="chart-subtitle">{t('methodology.notesLead')}</p>
      {gaps.isPending ? (
        <p className="count">{t('state.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="count">{t('methodology.notesEmpty')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id} data-note={r.id}>
              {r.text}{' '}
              <span className="small-text">
                — {t('chart.source')}: {sourceText(r.source)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
