import { useTranslation } from 'react-i18next';
import { formatInteger, type Lang } from '../../i18n/format';
import { LoadingState } from '../../components/states';
import type { UploadOutcome } from './upload-request';
import type { useUpload } from './use-upload';

/** What a checked or stored upload holds: rows, values per indicator, warnings. */
export function Summary({ outcome, lang }: { outcome: UploadOutcome; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('upload.summary', { rows: formatInteger(outcome.rows, lang), cells: formatInteger(outcome.cells, lang) })}</p>
      <ul>
        {Object.entries(outcome.indicators).map(([k, n]) => (
          <li key={k}>
            {k}: {formatInteger(n, lang)}
          </li>
        ))}
      </ul>
      {outcome.warnings.length > 0 && (
        <details>
          <summary>{t('upload.warnings', { count: outcome.warnings.length })}</summary>
          <ul>
            {outcome.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** Upload progress, then "the server is working" once every byte is sent. */
export function Progress({ label, state, lang }: { label: string; state: ReturnType<typeof useUpload>; lang: Lang }) {
  const { t } = useTranslation();
  if (!state.isPending) return null;
  const { sent, total } = state.progress;
  const done = total > 0 && sent >= total;
  return (
    <div className="card" role="status" aria-live="polite" data-testid="upload-progress">
      <p>{label}</p>
      <progress max={total || 1} value={sent} aria-label={t('upload.progress')} />
      <p className="count">
        {done
          ? t('upload.serverWorking')
          : t('upload.sent', { sent: formatInteger(Math.round(sent / 1024), lang), total: formatInteger(Math.round(total / 1024), lang) })}
      </p>
      {done && <LoadingState height={40} />}
    </div>
  );
}

/** The stored upload: its new version (or the one it duplicates), what it holds, official figures it replaced. */
export function UploadDone({ outcome, lang }: { outcome: UploadOutcome; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <section className="card report" data-testid="upload-done">
      <h2 className="chart-title">
        {outcome.status === 'created' ? t('upload.created', { id: outcome.version?.id }) : t('upload.alreadyUploaded', { id: outcome.version?.id })}
      </h2>
      <Summary outcome={outcome} lang={lang} />
      {(outcome.officialReplaced ?? 0) > 0 && <p className="note">{t('upload.officialReplacedDone', { count: outcome.officialReplaced })}</p>}
    </section>
  );
}
