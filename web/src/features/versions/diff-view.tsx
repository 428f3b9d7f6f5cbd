import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatDecimal, type Lang } from '../../i18n/format';
import { QueryState } from '../../components/states';
import { versionQueries } from './queries';

const fmt = (v: number | null, unit: string, lang: Lang) => (v === null ? '–' : unit === 'percent' ? formatDecimal(v, lang, 2) : formatInteger(v, lang));

/** What version `id` changed against its parent: counts, totals before/after, the largest cell changes. */
export function DiffView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const diff = useQuery(versionQueries.diff(id));
  return (
    <section className="card" aria-labelledby={`diff-${id}`} data-testid="version-diff">
      <h3 id={`diff-${id}`} className="chart-title">
        {t('versions.diffTitle', { id, parent: diff.data?.parent?.id ?? '–' })}
      </h3>
      <QueryState status={diff} height={120}>
        {diff.data && (
          <>
            <p className="count">
              {t('versions.diffCounts', {
                added: formatInteger(diff.data.counts.added, lang), changed: formatInteger(diff.data.counts.changed, lang),
                removed: formatInteger(diff.data.counts.removed, lang), unchanged: formatInteger(diff.data.counts.unchanged, lang),
              })}
            </p>
            <div className="table-wrap">
              <table className="data-table">
                <caption>{t('versions.totalsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('versions.indicator')}</th>
                    <th scope="col">{t('versions.cells')}</th>
                    <th scope="col">{t('versions.before')}</th>
                    <th scope="col">{t('versions.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.data.totals.map((r) => (
                    <tr key={`${r.indicator}|${r.unit}`}>
                      <td>{r.indicator}</td>
                      <td className="num">{formatInteger(r.cells, lang)}</td>
                      <td className="num">{fmt(r.before, r.unit, lang)}</td>
                      <td className="num">{fmt(r.after, r.unit, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {diff.data.cells.length > 0 && (
              <div className="table-wrap">
                <table className="data-table">
                  <caption>{t('versions.cellsCaption', { n: diff.data.cells.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('versions.cell')}</th>
                      <th scope="col">{t('versions.period')}</th>
                      <th scope="col">{t('versions.before')}</th>
                      <th scope="col">{t('versions.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {diff.data.cells.slice(0, 25).map((c) => (
                      <tr key={`${c.indicator}|${c.region}|${c.sector}|${c.qualification}|${c.period}`}>
                        <td>{`${c.indicator} · ${c.region} · ${c.sector} · ${c.qualification}`}</td>
                        <td>{c.period}</td>
                        <td className="num">{fmt(c.before, c.unit, lang)}</td>
                        <td className="num">{fmt(c.after, c.unit, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
