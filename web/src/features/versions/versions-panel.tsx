import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n/format';
import { DataTable } from '../../components/data-table';
import { ErrorState, QueryState } from '../../components/states';
import { DiffView } from './diff-view';
import { versionQueries, type VersionInfo } from './queries';
import { useRollback } from './use-rollback';
import { versionColumns } from './version-columns';

/** Version history (who uploaded it, for which areas) with each version's diff and, for analysts, rollback. */
export function VersionsPanel({ canRollback }: { canRollback: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const versions = useQuery(versionQueries.list());
  const rollback = useRollback();
  const [open, setOpen] = useState<number | null>(null);
  const actions = (v: VersionInfo) => (
    <>
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
    </>
  );
  return (
    <section className="card" aria-labelledby="versions-heading" data-testid="versions">
      <h2 id="versions-heading" className="chart-title">
        {t('versions.title')}
      </h2>
      <p className="note">{t('versions.help')}</p>
      {rollback.isError && <ErrorState error={rollback.error} height={80} />}
      <QueryState status={versions} height={120}>
        <DataTable
          columns={versionColumns(t, lang, { render: actions })}
          rows={versions.data?.versions ?? []}
          caption={t('versions.tableCaption')}
          rowKey={(v) => String(v.id)}
          rowProps={(v) => ({ 'data-version': v.id, 'aria-current': v.isCurrent ? 'true' : undefined })}
        />
      </QueryState>
      {open !== null && <DiffView id={open} />}
    </section>
  );
}
