import { useTranslation } from 'react-i18next';
import { toProblem } from '../api/problem';

/** Skeleton shown while data loads; announced politely to screen readers. */
export function LoadingState({ height = 240, label }: { height?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" style={{ minHeight: height }} role="status" aria-live="polite" data-state="loading">
      <div className="skeleton-bars" aria-hidden="true">
        <span /><span /><span /><span /><span />
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

/** A failed request: shows the API's problem detail and a retry button. */
export function ErrorState({ error, onRetry, height = 160 }: { error: unknown; onRetry?: () => void; height?: number }) {
  const { t } = useTranslation();
  const problem = toProblem(error);
  return (
    <div className="state state-error" style={{ minHeight: height }} role="alert" data-state="error">
      <strong>{t('state.errorTitle')}</strong>
      <span className="problem-title">
        {problem.status ? `${problem.status} · ` : ''}
        {problem.title}
      </span>
      {problem.detail && <span className="state-text problem-detail">{problem.detail}</span>}
      {problem.errors && problem.errors.length > 0 && (
        <ul className="problem-errors">
          {problem.errors.slice(0, 5).map((e, i) => (
            <li key={i}>{[e.path, e.message].filter(Boolean).join(': ')}</li>
          ))}
        </ul>
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
