import { useTranslation } from 'react-i18next';
import { toProblem } from '../api/problem';
import { problemText } from '../api/problem-text';
import type { Lang } from '../i18n/format';

/** Skeleton shown while data loads; announced politely to screen readers. */
export function LoadingState({ height = 240, label }: { height?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" style={{ minHeight: height }} role="status" aria-live="polite" data-state="loading">
      <div className="skeleton-bars" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
        <span />
      </div>
      <span className="state-text">{label ?? t('state.loading')}</span>
    </div>
  );
}

/** Nothing matched: say so plainly and suggest what to change. */
export function EmptyState({ message, height = 160 }: { message?: string; height?: number }) {
  const { t } = useTranslation();
  return (
    <div className="state state-empty" style={{ minHeight: height }} role="status" data-state="empty">
      <strong>{t('state.emptyTitle')}</strong>
      <span className="state-text">{message ?? t('state.emptyHint')}</span>
    </div>
  );
}

/**
 * A failed request: the API's problem in the UI language (Vietnamese titles and details from the
 * problem type; the API's English text behind a closed "technical detail"), and a retry button.
 */
export function ErrorState({ error, onRetry, height = 160 }: { error: unknown; onRetry?: () => void; height?: number }) {
  const { t, i18n } = useTranslation();
  const problem = toProblem(error);
  const text = problemText(problem, i18n.language as Lang);
  return (
    <div className="state state-error" style={{ minHeight: height }} role="alert" data-state="error" data-problem-type={problem.type}>
      <strong>{t('state.errorTitle')}</strong>
      <span className="problem-title">
        {problem.status ? `${problem.status} · ` : ''}
        {text.title}
      </span>
      {text.detail && <span className="state-text problem-detail">{text.detail}</span>}
      {text.errors.length > 0 && (
        <ul className="problem-errors">
          {text.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {text.technical && (
        <details className="problem-technical">
          <summary>{t('state.technicalDetail')}</summary>
          <span lang="en">{text.technical}</span>
        </details>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** Query-like status so any react-query result can drive the three states. */
export interface LoadStatus {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Renders loading / error / empty, or the children when there is data. */
export function QueryState({
  status,
  empty,
  height,
  emptyMessage,
  children,
}: {
  status: LoadStatus;
  empty?: boolean;
  height?: number;
  emptyMessage?: string;
  children: React.ReactNode;
}) {
  if (status.isPending) return <LoadingState height={height} />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} height={height} />;
  if (empty) return <EmptyState message={emptyMessage} height={height} />;
  return <>{children}</>;
}
