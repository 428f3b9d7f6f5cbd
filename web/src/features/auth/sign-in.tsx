import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/controls';
import { ErrorState } from '../../components/states';
import { sessionQueries } from './queries';
import { setToken } from './token-store';
import { useToken } from './use-token';

/**
 * Sign-in with an API token (created by an admin with `pnpm run token create`).
 * The token is kept in sessionStorage for this tab only.
 */
export function SignIn() {
  const { t } = useTranslation();
  const id = useId();
  const token = useToken();
  const client = useQueryClient();
  const session = useQuery(sessionQueries.current(token));
  const [draft, setDraft] = useState('');

  if (token && session.data && session.data.role !== 'anonymous') {
    return (
      <div className="card sign-in" data-testid="signed-in">
        <p>
          {t('auth.signedInAs', { name: session.data.name, role: t(`auth.role.${session.data.role}`) })}{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => {
              setToken(null);
              void client.invalidateQueries({ queryKey: sessionQueries.all() });
            }}
          >
            {t('auth.signOut')}
          </button>
        </p>
      </div>
    );
  }
  return (
    <form
      className="card sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim()) setToken(draft.trim());
        setDraft('');
      }}
    >
      <h2 className="chart-title">{t('auth.title')}</h2>
      <p className="note">{t('auth.help')}</p>
      <Field id={id} label={t('auth.tokenLabel')}>
        <input id={id} type="password" autoComplete="off" spellCheck={false} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="lmo_…" />
      </Field>
      <button type="submit" disabled={!draft.trim()}>
        {t('auth.signIn')}
      </button>
      {token && session.isError && (
        <>
          <ErrorState error={session.error} height={80} />
          <button type="button" className="button-link" onClick={() => setToken(null)}>
            {t('auth.forget')}
          </button>
        </>
      )}
    </form>
  );
}
