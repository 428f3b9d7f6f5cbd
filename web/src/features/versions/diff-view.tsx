import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatDecimal, type Lang } from '../../i18n/format';
import { QueryState } from '../../components/states';
import { DIFF_PAGE, DIFF_SORTS, versionQueries, type CellChange, type DiffSort } from './queries';

const fmt = (v: number | null, unit: string, lang: Lang) => (v === null ? '–' : unit === 'percent' ? formatDecimal(v, lang, 2) : formatInteger(v, lang));
const nameOf = (n: { vi: string; en: string }, lang: Lang) => (lang === 'vi' ? n.vi : n.en);

/**
 * What version `id` changed against its parent: counts, totals per indicator
 * and period, and every changed cell, a page at a time, sortable; official
 * cells the upload replaced come first by default and are marked.
 */
export function DiffView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const sortId = useId();
  const [page, setPage] = useState<{ offset: number; sort: DiffSort }>({ offset: 0, sort: 'official' });
  const diff = useQuery(versionQueries.diff(id, page));
  const d = diff.data;
  return (
    <section className="card" aria-labelledby={`diff-${id}`} data-testid="version-diff">
      <h3 id={`diff-${id}`} className="chart-title">
        {t('versions.diffTitle', { id, parent: d?.parent?.id ?? '–' })}
      </h3>
      <QueryState status={diff} height={120}>
        {d && (
          <>
            <p className="count">
              {t('versions.diffCounts', {
                added: formatInteger(d.counts.added, lang), changed: formatInteger(d.counts.changed, lang),
                removed: formatInteger(d.counts.removed, lang), unchanged: formatInteger(d.counts.unchanged, lang),
              })}
            </p>
            {d.counts.officialReplaced > 0 && (
              <p className="note" role="status" data-testid="diff-official-replaced">{t('versions.officialReplaced', { count: d.counts.officialReplaced })}</p>
            )}
            {d.counts.officialRevised > 0 && <p className="count">{t('versions.officialRevised', { count: d.counts.officialRevised })}</p>}
            <details>
              <summary>{t('versions.totalsCaption')}</summary>
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('versions.indicator')}</th>
                      <th scope="col">{t('versions.period')}</th>
                      <th scope="col">{t('versions.cells')}</th>
                      <th scope="col">{t('versions.before')}</th>
                      <th scope="col">{t('versions.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.totals.map((r) => (
                      <tr key={`${r.indicator}|${r.unit}|${r.period}`}>
                        <td>{r.indicator}</td>
                        <td>{r.period}</td>
                        <td className="num">{formatInteger(r.cells, lang)}</td>
                        <td className="num">{fmt(r.before, r.unit, lang)}</td>
                        <td className="num">{fmt(r.after, r.unit, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            {d.page.total > 0 && (
              <>
                <div className="field">
                  <label htmlFor={sortId}>{t('versions.sort')}</label>
                  <select id={sortId} value={page.sort} onChange={(e) => setPage({ offset: 0, sort: e.target.value as DiffSort })} data-testid="diff-sort">
                    {DIFF_SORTS.map((s) => <option key={s} value={s}>{t(`versions.sortBy.${s}`)}</option>)}
                  </select>
                </div>
                <div className="table-wrap">
                  <table className="data-table">
                    <caption>
                      {t('versions.cellsPage', {
                        from: formatInteger(d.page.offset + 1, lang), to: formatInteger(d.page.offset + d.cells.length, lang), total: formatInteger(d.page.total, lang),
                      })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('versions.cell')}</th>
                        <th scope="col">{t('versions.period')}</th>
                        <th scope="col">{t('versions.before')}</th>
                        <th scope="col">{t('versions.after')}</th>
                        <th scope="col">{t('versions.statusChange')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.cells.map((c) => <CellRow key={`${c.indicator}|${c.region}|${c.sector}|${c.qualification}|${c.period}`} c={c} lang={lang} />)}
                    </tbody>
                  </table>
                </div>
                <div className="pager">
                  <button type="button" disabled={page.offset === 0} onClick={() => setPage({ ...page, offset: Math.max(0, page.offset - DIFF_PAGE) })}>
                    {t('versions.previous')}
                  </button>
                  <button type="button" disabled={!d.truncated} onClick={() => setPage({ ...page, offset: page.offset + DIFF_PAGE })} data-testid="diff-next">
                    {t('versions.next')}
                  </button>
                </div>
              </>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function CellRow({ c, lang }: { c: CellChange; lang: Lang }) {
  const { t } = useTranslation();
  const status = (s: string | null) => (s === null ? '–' : t(`status.${s}`, { defaultValue: s }));
  return (
    <tr data-official={c.official ?? undefined} className={c.official === 'replaced' ? 'row-invalid' : undefined}>
      <td title={`${c.indicator} · ${c.region} · ${c.sector} · ${c.qualification}`}>
        {[c.names.indicator, c.names.region, c.names.sector, c.names.qualification].map((n) => nameOf(n, lang)).join(' · ')}
      </td>
      <td>{c.period}</td>
      <td className="num">{fmt(c.before, c.unit, lang)}</td>
      <td className="num">{fmt(c.after, c.unit, lang)}</td>
      <td>
        {c.official === 'replaced' && <strong>{t('versions.officialReplacedCell')} </strong>}
        {c.official === 'revised' && <strong>{t('versions.officialRevisedCell')} </strong>}
        {c.statusBefore === c.statusAfter ? status(c.statusAfter) : `${status(c.statusBefore)} → ${status(c.statusAfter)}`}
      </td>
    </tr>
  );
}
