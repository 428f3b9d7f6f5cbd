import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localizeSource } from '../../i18n/source-text';
import { formatInteger, type Lang } from '../../i18n/format';
import { ErrorState, QueryState } from '../../components/states';
import { DiffView } from './diff-view';
import { versionQueries } from './queries';
import { useRollback } from './use-rollback';
import { VersionBy } from './version-by';

/** Version history (who uploaded it, for which areas) with each version's diff and, for analysts, rollback. */
export function VersionsPanel({ canRollback }: { canRollback: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const versions = useQuery(versionQueries.list());
  const rollback = useRollback();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="versions-heading" data-testid="versions">
      <h2 id="versions-heading" className="chart-title">{t('versions.title')}</h2>
      <p className="note">{t('versions.help')}</p>
      {rollback.isError && <ErrorState error={rollback.error} height={80} />}
      <QueryState status={versions} height={120}>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('versions.label')}</th>
                <th scope="col">{t('versions.created')}</th>
                <th scope="col">{t('versions.by')}</th>
                <th scope="col">{t('versions.rows')}</th>
                <th scope="col">{t('versions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data?.versions.map((v) => (
                <tr key={v.id} data-version={v.id} aria-current={v.isCurrent ? 'true' : undefined}>
                  <td>{v.id}{v.isCurrent && <strong> · {t('versions.current')}</strong>}</td>
                  <td>{localizeSource(v.label, i18n.language as Lang)}</td>
                  <td>{new Date(v.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>
                  <td><VersionBy version={v} /></td>
                  <td className="num">{formatInteger(v.rowCount, lang)}</td>
                  <td>
                    <button type="button" className="button-link" onClick={() => setOpen(open === v.id ? null : v.id)} aria-expanded={open === v.id}>
                      {t('versions.showDiff')}
                    </button>
                    {canRollback && !v.isCurrent && (
                      <button
                        type="button"
                        data-testid={`rollback-${v.id}`}
                        disabled={rollback.isPending}
                        onClick={() => {
                          if (window.confirm(t('versions.confirmRollback', { id: v.id }))) rollback.mutate(v.id);
                        }}
                      >
                        {t('versions.rollback')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {open !== null && <DiffView id={open} />}
    </section>
  );
}
