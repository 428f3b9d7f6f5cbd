import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { formatInteger, type Lang } from '../../i18n/format';
import type { FileProfile } from './profile';
import { profileHeadRows, type ProfileHeadRow } from './to-report-rows';
import { profileColumnName, profileHeadColumns, sumColumns, valueCountColumns } from './upload-columns';

/** The bad cell of a flagged line (a line flagged as a whole highlights as a row only). */
const badCell = (row: ProfileHeadRow, column: { key: string }) => {
  const name = profileColumnName(column);
  return name !== undefined && row.bad?.has(name) ? 'cell-invalid' : undefined;
};

/**
 * The browser-side profile of the chosen file; rows and cells the server
 * reported as invalid are highlighted (`highlight`: line → bad columns).
 */
export function ProfileView({ profile, highlight, lang }: { profile: FileProfile; highlight: Map<number, Set<string>>; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="profile-heading" data-testid="profile">
      <h2 id="profile-heading" className="chart-title">
        {t('upload.previewTitle', { file: profile.fileName })}
      </h2>
      <p className="count">
        {t('upload.previewCount', { rows: formatInteger(profile.rows, lang), columns: profile.columns.length })}
        {profile.partial && ` ${t('upload.previewPartial')}`}
        {profile.hiddenEmpty > 0 && ` ${t('upload.previewHiddenEmpty', { count: profile.hiddenEmpty })}`}
      </p>
      <div data-testid="profile-head">
        {/* File order: the line numbers are what the report refers to. */}
        <DataTable
          columns={profileHeadColumns(t, profile.columns)}
          rows={profileHeadRows(profile.head, profile.firstDataLine, highlight)}
          caption={t('upload.firstRows')}
          captionVisible
          sortable={false}
          rowKey={(r) => String(r.line)}
          rowProps={(r) => ({ 'data-line': r.line, className: r.bad ? 'row-invalid' : undefined, 'aria-invalid': r.bad ? true : undefined })}
          cellClassName={badCell}
        />
      </div>
      <div className="profile-grid">
        {profile.counts.map((c) => (
          <DataTable
            key={c.column}
            columns={valueCountColumns(t, lang)}
            rows={c.values}
            caption={t('upload.valueCounts', { column: c.column })}
            captionVisible
            compact
            rowKey={(v) => v.value}
          />
        ))}
        {profile.sums.map((s) => (
          <div key={s.by} data-testid={`sum-by-${s.by}`}>
            <DataTable
              columns={sumColumns(t, lang, s.by)}
              rows={s.rows}
              caption={t('upload.sumBy', { measure: s.measure, by: s.by })}
              captionVisible
              compact
              rowKey={(r) => r.key}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
