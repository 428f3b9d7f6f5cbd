import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../../api/problem';
import type { Lang } from '../../i18n/format';
import { metaQueries } from '../meta/queries';
import { makeNamer } from '../meta/names';
import { scenarioQueries } from './queries';
import { makeKeyNamer, summariseParameters } from './summary';

/** A user-built scenario under the selector: its parameters in words and a copy-link button. */
export function CustomScenarioSummary({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const meta = useQuery(metaQueries.codes());
  const detail = useQuery(scenarioQueries.detail(id));
  const lines = detail.data ? summariseParameters(detail.data.parameters, lang, t, makeKeyNamer(makeNamer(meta.data, lang), t)) : [];
  return (
    <div className="scenario-note custom-scenario" data-custom-scenario={id}>
      {detail.isPending && <p>{t('scenario.loadingParameters')}</p>}
      {detail.isError && <p role="alert">{toProblem(detail.error).detail ?? toProblem(detail.error).title}</p>}
      {detail.data && (
        <>
          <p>{lines.length ? t('scenario.customHint') : t('scenario.noChanges')}</p>
          {lines.length > 0 && (
            <ul className="scenario-parameters">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <CopyLink />
    </div>
  );
}

/** Copies the current view's link; where the clipboard is refused, shows the link to copy by hand. */
export function CopyLink() {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <div className="copy-link">
      <button type="button" className="button button-small" onClick={() => void copy()}>
        {t('scenario.copyLink')}
      </button>
      <span className="count" aria-live="polite">
        {result === 'copied' ? t('scenario.copied') : ''}
      </span>
      {result === 'failed' && (
        <label className="field">
          {t('scenario.copyFailed')}
          <input type="text" readOnly value={window.location.href} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </div>
  );
}
