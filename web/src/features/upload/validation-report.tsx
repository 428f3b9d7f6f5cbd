import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/states';
import { hasSeriesColumn, type ReportRow } from './to-report-rows';
import { reportColumns } from './upload-columns';
import type { UploadProblem } from './upload-request';

/** The dry run's refusal: every problem by line (SDMX: by series and period), or the problem itself when it names none. */
export function ValidationReport({ problem, rows, error }: { problem: UploadProblem; rows: ReportRow[]; error: unknown }) {
  const { t } = useTranslation();
  const count = problem.errorCount ?? rows.length;
  return (
    <section className="card report" aria-labelledby="report-heading" data-testid="validation-report">
      <h2 id="report-heading" className="chart-title">
        {t('upload.reportInvalid', { count })}
      </h2>
      {rows.length === 0 ? (
        <ErrorState error={error} height={80} />
      ) : (
        <DataTable
          columns={reportColumns(t, hasSeriesColumn(rows))}
          rows={rows}
          caption={t('upload.reportCaption')}
          rowKey={(r, i) => `${r.line}|${r.column ?? ''}|${r.code}|${i}`}
          rowProps={(r) => ({ 'data-line': r.line })}
        />
      )}
      <p className="note">{t('upload.nothingStored')}</p>
    </section>
  );
}
