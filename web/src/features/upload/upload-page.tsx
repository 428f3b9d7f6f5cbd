import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger, type Lang } from '../../i18n/format';
import { ErrorState, LoadingState } from '../../components/states';

interface Preview {
  fileName: string;
  rows: number;
  columns: string[];
  head: Record<string, unknown>[];
}

/**
 * Placeholder for the analysts' upload page (issue 6 fills in validation and commit).
 * It previews a CSV locally; papaparse and danfojs load only here, on demand, through
 * dynamic import() so they never weigh on the other pages.
 */
export default function UploadPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const inputId = useId();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const [{ default: Papa }, dfd] = await Promise.all([import('papaparse'), import('danfojs')]);
      const text = await file.text();
      const parsed = Papa.parse<Record<string, unknown>>(text, { header: true, skipEmptyLines: true, dynamicTyping: true });
      if (parsed.data.length === 0) throw new Error(t('upload.emptyFile'));
      const df = new dfd.DataFrame(parsed.data);
      setPreview({ fileName: file.name, rows: df.shape[0], columns: df.columns, head: dfd.toJSON(df.head(8)) as Record<string, unknown>[] });
    } catch (e) {
      setError(e);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('upload.title')}</h1>
          <p className="lead">{t('upload.lead')}</p>
        </div>
      </div>
      <p className="note">{t('upload.placeholder')}</p>
      <div className="card">
        <div className="field">
          <label htmlFor={inputId}>{t('upload.choose')}</label>
          <input id={inputId} type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
        </div>
        <p className="count">{t('upload.formats')}</p>
      </div>
      {busy && <LoadingState height={120} />}
      {error !== null && <ErrorState error={error} />}
      {preview && (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="chart-title">
            {t('upload.previewTitle', { file: preview.fileName })}
          </h2>
          <p className="count">{t('upload.previewCount', { rows: formatInteger(preview.rows, lang), columns: preview.columns.length })}</p>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  {preview.columns.map((c) => (
                    <th key={c} scope="col">{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.head.map((row, i) => (
                  <tr key={i}>
                    {preview.columns.map((c) => (
                      <td key={c}>{String(row[c] ?? '')}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
