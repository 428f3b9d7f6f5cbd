import './upload.css';
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n/format';
import { ErrorState } from '../../components/states';
import { toProblem } from '../../api/problem';
import { SignIn } from '../auth/sign-in';
import { canUpload, sessionQueries } from '../auth/queries';
import { useToken } from '../auth/use-token';
import { DiffView } from '../versions/diff-view';
import { VersionsPanel } from '../versions/versions-panel';
import { ProfileView } from './profile-view';
import { looksLikeXml } from './profile-columns';
import { hasSeriesColumn, highlightedLines, toReportRows } from './to-report-rows';
import { useUpload } from './use-upload';
import { useFileChecks } from './use-file-checks';
import { UploadScope } from './upload-scope';
import { OfficialConflicts } from './official-conflicts';
import { MAPPED_FORMATS, officialConflicts, UPLOAD_FORMATS, type UploadFormat, type UploadIssue, type UploadProblem } from './upload-request';
import { PageHead } from '../../components/page-head';
import { Progress, Summary } from './upload-summary';
import { WideWizard } from './wide-wizard';
import { looksWide, mappingText, suggestFromText, type WideFileShape } from './wide-wizard-model';

// The suggestion reads the start of the file only.
const SUGGEST_BYTES = 4 * 1024 * 1024;

/**
 * Analysts' upload page: choose or drop a file → profile it in the browser →
 * the server's dry-run validation (upload progress, offending lines
 * highlighted) → confirm → store and recompute → the diff against the
 * previous version. Version history with rollback below.
 */
export default function UploadPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const token = useToken();
  const session = useQuery(sessionQueries.current(token));
  const allowed = canUpload(session.data?.role);

  return (
    <div className="page">
      <PageHead title={t('upload.title')} lead={t('upload.lead')} controls="none" />
      <SignIn />
      {session.data && !allowed && token && <p className="note" role="status">{t('auth.needAnalyst')}</p>}
      {allowed && session.data && <UploadScope session={session.data} lang={lang} />}
      {allowed && <UploadFlow lang={lang} />}
      <VersionsPanel canRollback={allowed} />
    </div>
  );
}

function UploadFlow({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const ids = { file: useId(), format: useId(), mapping: useId(), period: useId() };
  const [format, setFormat] = useState<UploadFormat>('long');
  const [mapping, setMapping] = useState('');
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const [file, setFile] = useState<File | null>(null);
  const [xml, setXml] = useState(false);
  const [dragging, setDragging] = useState(false);
  const check = useUpload();
  const commit = useUpload();

  const [wide, setWide] = useState<WideFileShape | null>(null);
  const [suggested, setSuggested] = useState('');
  const [switched, setSwitched] = useState(false);

  const fields = (dryRun: boolean, replaceOfficial = false) => ({
    format, mapping: MAPPED_FORMATS.includes(format) ? mapping : undefined, period: format === 'microdata' ? period : undefined, dryRun, replaceOfficial,
  });

  /** The wizard's suggestion for `f` read as wide: null when the file has no period columns. */
  const suggest = async (f: File) => suggestFromText(await f.slice(0, SUGGEST_BYTES).text(), f.name);

  /** Takes a suggestion unless the analyst typed a mapping of their own before any suggestion (edits in the wizard belong to the previous file). */
  const adopt = (s: NonNullable<Awaited<ReturnType<typeof suggest>>>) => {
    setWide(s.shape);
    if (mapping.trim() === '' || mapping === suggested || wide !== null) {
      const text = mappingText(s.mapping);
      setMapping(text);
      setSuggested(text);
    }
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    check.reset();
    commit.reset();
    setSwitched(false);
    // SDMX-ML is XML: the CSV profile cannot read it, so say so instead of showing a broken preview.
    const isXml = looksLikeXml(await f.slice(0, 512).text());
    setXml(isXml);
    setWide(null);
    if (!isXml && (format === 'wide' || format === 'long')) {
      const s = await suggest(f);
      // Years as columns under the long format: the file is wide, so say so and switch.
      if (s && format === 'long' && looksWide(s.shape)) {
        setFormat('wide');
        setSwitched(true);
      }
      if (s && (format === 'wide' || looksWide(s.shape))) adopt(s);
    }
    setFile(f);
  };

  const changeFormat = async (next: UploadFormat) => {
    setFormat(next);
    setSwitched(false);
    if (next === 'wide' && file && !xml && !wide) {
      const s = await suggest(file);
      if (s) adopt(s);
    }
  };

  const { profile, profileError } = useFileChecks({ file, format, mapping, period, xml, check, commit, fields });

  // A 409 from the check (or from the upload, if official data arrived meanwhile) lists official cells to confirm.
  const conflicts = officialConflicts(commit.error ? toProblem(commit.error) as UploadProblem : null)
    ?? officialConflicts(check.error ? toProblem(check.error) as UploadProblem : null);
  const problem = check.error && !conflicts ? toProblem(check.error) as { errors?: UploadIssue[]; errorCount?: number; status: number } : null;
  const issues = problem?.errors ?? [];
  const reportRows = toReportRows(issues, lang);
  const showSeries = hasSeriesColumn(reportRows);
  const valid = check.data?.status === 'validated' || check.data?.status === 'duplicate';

  return (
    <>
      <div className="card upload-form">
        <div className="field">
          <label htmlFor={ids.format}>{t('upload.format')}</label>
          <select id={ids.format} value={format} onChange={(e) => void changeFormat(e.target.value as UploadFormat)}>
            {UPLOAD_FORMATS.map((f) => <option key={f} value={f}>{t(FORMAT_LABEL[f])}</option>)}
          </select>
        </div>
        {format === 'sdmx' && <p className="count" data-testid="format-help">{t('upload.helpSdmx')}</p>}
        {format === 'pxweb' && <p className="count" data-testid="format-help">{t('upload.helpPxweb')}</p>}
        {switched && <p className="note" role="status" data-testid="switched-wide">{t('upload.wizard.switched')}</p>}
        {format === 'wide' && !wide && <p className="count">{t('upload.wizard.hint')}</p>}
        {MAPPED_FORMATS.includes(format) && (format === 'wide' && wide ? (
          <details className="field">
            <summary>{t('upload.wizard.json')}</summary>
            <label htmlFor={ids.mapping}>{t('upload.mapping')}</label>
            <textarea id={ids.mapping} rows={12} value={mapping} onChange={(e) => setMapping(e.target.value)} spellCheck={false} />
          </details>
        ) : (
          <div className="field">
            <label htmlFor={ids.mapping}>{t(format === 'sdmx' ? 'upload.mappingOptional' : 'upload.mapping')}</label>
            <textarea id={ids.mapping} rows={6} value={mapping} onChange={(e) => setMapping(e.target.value)} spellCheck={false} placeholder={MAPPING_PLACEHOLDER[format]} />
          </div>
        ))}
        {format === 'microdata' && (
          <div className="field">
            <label htmlFor={ids.period}>{t('upload.period')}</label>
            <input id={ids.period} value={period} onChange={(e) => setPeriod(e.target.value)} inputMode="numeric" />
          </div>
        )}
        <div
          className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => { e.preventDefault(); setDragging(false); void choose(e.dataTransfer.files[0]); }}
        >
          <label htmlFor={ids.file}>{t('upload.choose')}</label>
          <input id={ids.file} type="file" accept={format === 'sdmx' ? '.xml,.csv,application/xml,text/xml,text/csv' : '.csv,text/csv'} onChange={(e) => void choose(e.target.files?.[0])} />
          <p className="count">{t('upload.dropHint')}</p>
        </div>
        <p className="count">{t('upload.formats')}</p>
      </div>

      {file && format === 'wide' && wide && <WideWizard shape={wide} text={mapping} onChange={setMapping} lang={lang} />}
      {file && <Progress label={t('upload.checking', { file: file.name })} state={check} lang={lang} />}
      {profileError !== null && <ErrorState error={profileError} height={80} />}
      {file && xml && <p className="note" role="status" data-testid="no-preview">{t('upload.noPreviewXml')}</p>}
      {profile && <ProfileView profile={profile} highlight={highlightedLines(issues)} lang={lang} />}

      {problem && (
        <section className="card report" aria-labelledby="report-heading" data-testid="validation-report">
          <h2 id="report-heading" className="chart-title">{t('upload.reportInvalid', { count: problem.errorCount ?? issues.length })}</h2>
          {issues.length === 0 ? (
            <ErrorState error={check.error} height={80} />
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('upload.line')}</th>
                    {showSeries && <th scope="col">{t('upload.series')}</th>}
                    <th scope="col">{t('upload.column')}</th>
                    <th scope="col">{t('upload.value')}</th>
                    <th scope="col">{t('upload.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reportRows.map((r, i) => (
                    <tr key={i} data-line={r.line}>
                      <td className="num">{r.line > 0 ? r.line : '–'}</td>
                      {showSeries && <td>{r.series ?? '–'}</td>}
                      <td>{r.column ?? '–'}</td>
                      <td><code>{r.value}</code></td>
                      <td>{r.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="note">{t('upload.nothingStored')}</p>
        </section>
      )}

      {conflicts && !commit.data && (
        <OfficialConflicts
          cells={conflicts.cells} count={conflicts.count} lang={lang} pending={commit.isPending}
          onConfirm={() => file && commit.mutate({ file, fields: fields(false, true) })}
        />
      )}

      {check.data && valid && !commit.data && (
        <section className="card report" data-testid="validation-ok">
          <h2 className="chart-title">{t('upload.reportValid')}</h2>
          <Summary outcome={check.data} lang={lang} />
          {check.data.version ? (
            <p className="note">{t('upload.alreadyUploaded', { id: check.data.version.id })}</p>
          ) : (
            <button type="button" data-testid="confirm-upload" disabled={commit.isPending} onClick={() => file && commit.mutate({ file, fields: fields(false) })}>
              {t('upload.confirm')}
            </button>
          )}
        </section>
      )}

      <Progress label={t('upload.storing')} state={commit} lang={lang} />
      {commit.isError && !conflicts && <ErrorState error={commit.error} height={80} />}
      {commit.data && (
        <section className="card report" data-testid="upload-done">
          <h2 className="chart-title">
            {commit.data.status === 'created' ? t('upload.created', { id: commit.data.version?.id }) : t('upload.alreadyUploaded', { id: commit.data.version?.id })}
          </h2>
          <Summary outcome={commit.data} lang={lang} />
          {(commit.data.officialReplaced ?? 0) > 0 && <p className="note">{t('upload.officialReplacedDone', { count: commit.data.officialReplaced })}</p>}
        </section>
      )}
      {commit.data?.version && commit.data.status === 'created' && <DiffView id={commit.data.version.id} />}
    </>
  );
}

const FORMAT_LABEL: Record<UploadFormat, string> = {
  long: 'upload.formatLong', wide: 'upload.formatWide', microdata: 'upload.formatMicrodata', sdmx: 'upload.formatSdmx', pxweb: 'upload.formatPxweb',
};

const MAPPING_PLACEHOLDER: Partial<Record<UploadFormat, string>> = {
  wide: '{ "regionColumn": "Country Code", "indicator": "labour_force", … }',
  sdmx: '{ "codes": { "UNE_TUNE_SEX_AGE_NB": { "indicator": "unemployed", "unit": "persons" } }, "status": "international", "source": "ILO, ILOSTAT SDMX-CSV 2025-01" }',
  pxweb: '{ "indicator": "labour_force", "unit": "persons", "scale": 1000, "source": "GSO PX-Web …", "status": "official", "labels": { "WHOLE COUNTRY": "VN" } }',
};
