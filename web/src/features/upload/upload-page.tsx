import './upload.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n/format';
import { ErrorState } from '../../components/states';
import { SignIn } from '../auth/sign-in';
import { canUpload, sessionQueries } from '../auth/queries';
import { useToken } from '../auth/use-token';
import { DiffView } from '../versions/diff-view';
import { VersionsPanel } from '../versions/versions-panel';
import { ProfileView } from './profile-view';
import { UploadScope } from './upload-scope';
import { OfficialConflicts } from './official-conflicts';
import { PageHead } from '../../components/page-head';
import { Progress, Summary, UploadDone } from './upload-summary';
import { WideWizard } from './wide-wizard';
import { UploadForm } from './upload-form';
import { useUploadFlow } from './use-upload-flow';
import { ValidationReport } from './validation-report';

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
      {session.data && !allowed && token && (
        <p className="note" role="status">
          {t('auth.needAnalyst')}
        </p>
      )}
      {allowed && session.data && <UploadScope session={session.data} lang={lang} />}
      {allowed && <UploadFlow lang={lang} />}
      <VersionsPanel canRollback={allowed} />
    </div>
  );
}

/** The upload itself: form → wizard, profile and dry run → report or confirmation → stored version and its diff. */
function UploadFlow({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const flow = useUploadFlow(lang);
  const { file, format, wide, check, commit, conflicts, problem } = flow;
  return (
    <>
      <UploadForm flow={flow} />
      {file && format === 'wide' && wide && <WideWizard shape={wide} text={flow.mapping} onChange={flow.setMapping} lang={lang} />}
      {file && <Progress label={t('upload.checking', { file: file.name })} state={check} lang={lang} />}
      {flow.profileError !== null && <ErrorState error={flow.profileError} height={80} />}
      {file && flow.xml && (
        <p className="note" role="status" data-testid="no-preview">
          {t('upload.noPreviewXml')}
        </p>
      )}
      {flow.profile && <ProfileView profile={flow.profile} highlight={flow.highlight} lang={lang} />}
      {problem && <ValidationReport problem={problem} rows={flow.reportRows} error={check.error} />}
      {conflicts && !commit.data && (
        <OfficialConflicts
          cells={conflicts.cells}
          count={conflicts.count}
          lang={lang}
          pending={commit.isPending}
          onConfirm={() => file && commit.mutate({ file, fields: flow.fields(false, true) })}
        />
      )}
      {check.data && flow.valid && !commit.data && (
        <section className="card report" data-testid="validation-ok">
          <h2 className="chart-title">{t('upload.reportValid')}</h2>
          <Summary outcome={check.data} lang={lang} />
          {check.data.version ? (
            <p className="note">{t('upload.alreadyUploaded', { id: check.data.version.id })}</p>
          ) : (
            <button
              type="button"
              data-testid="confirm-upload"
              disabled={commit.isPending}
              onClick={() => file && commit.mutate({ file, fields: flow.fields(false) })}
            >
              {t('upload.confirm')}
            </button>
          )}
        </section>
      )}
      <Progress label={t('upload.storing')} state={commit} lang={lang} />
      {commit.isError && !conflicts && <ErrorState error={commit.error} height={80} />}
      {commit.data && <UploadDone outcome={commit.data} lang={lang} />}
      {commit.data?.version && commit.data.status === 'created' && <DiffView id={commit.data.version.id} />}
    </>
  );
}
