import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatInteger, type Lang } from '../../i18n/format';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/states';
import { DIFF_PAGE, DIFF_SORTS, versionQueries, type DiffSort, type VersionDiff } from './queries';
import { cellChangeColumns, cellKey, totalsColumns } from './version-columns';

type Page = { offset: number; sort: DiffSort };

/**
 * What version `id` changed against its parent: counts, totals per indicator
 * and period, and every changed cell, a page at a time, sortable; official
 * cells the upload replaced come first by default and are marked.
 */
export function DiffView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [page, setPage] = useState<Page>({ offset: 0, sort: 'official' });
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
                added: formatInteger(d.counts.added, lang),
                changed: formatInteger(d.counts.changed, lang),
                removed: formatInteger(d.counts.removed, lang),
                unchanged: formatInteger(d.counts.unchanged, lang),
              })}
            </p>
            {d.counts.officialReplaced > 0 && (
              <p className="note" role="status" data-testid="diff-official-replaced">
                {t('versions.officialReplaced', { count: d.counts.officialReplaced })}
              </p>
            )}
            {d.counts.officialRevised > 0 && <p className="count">{t('versions.officialRevised', { count: d.counts.officialRevised })}</p>}
            <details>
              <summary>{t('versions.totalsCaption')}</summary>
              <DataTable
                columns={totalsColumns(t, lang)}
                rows={d.totals}
                caption={t('versions.totalsCaption')}
                rowKey={(r) => `${r.indicator}|${r.unit}|${r.period}`}
              />
            </details>
            {d.page.total > 0 && <CellPages diff={d} page={page} onPage={setPage} lang={lang} />}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** The changed cells, a page at a time in the order the server sorts them (the sort choice asks it again). */
function CellPages({ diff: d, page, onPage, lang }: { diff: VersionDiff; page: Page; onPage: (page: Page) => void; lang: Lang }) {
  const { t } = useTranslation();
  const sortId = useId();
  const pick = (value: string) => {
    const sort = DIFF_SORTS.find((s) => s === value);
    if (sort) onPage({ offset: 0, sort });
  };
  return (
    <>
      <div className="field">
        <label htmlFor={sortId}>{t('versions.sort')}</label>
        <select id={sortId} value={page.sort} onChange={(e) => pick(e.target.value)} data-testid="diff-sort">
          {DIFF_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`versions.sortBy.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <DataTable
        columns={cellChangeColumns(t, lang)}
        rows={d.cells}
        caption={t('versions.cellsPage', {
          from: formatInteger(d.page.offset + 1, lang),
          to: formatInteger(d.page.offset + d.cells.length, lang),
          total: formatInteger(d.page.total, lang),
        })}
        captionVisible
        sortable={false}
        rowKey={cellKey}
        rowProps={(c) => ({ 'data-official': c.official ?? undefined, className: c.official === 'replaced' ? 'row-invalid' : undefined })}
      />
      <div className="pager">
        <button type="button" disabled={page.offset === 0} onClick={() => onPage({ ...page, offset: Math.max(0, page.offset - DIFF_PAGE) })}>
          {t('versions.previous')}
        </button>
        <button type="button" disabled={!d.truncated} onClick={() => onPage({ ...page, offset: page.offset + DIFF_PAGE })} data-testid="diff-next">
          {t('versions.next')}
        </button>
      </div>
    </>
  );
}
