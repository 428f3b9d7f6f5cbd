import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n/format';
import type { Session } from '../auth/queries';

/**
 * The signed-in token's upload scope (issue 15 §9): the provinces or regions a
 * local analyst may upload for, or "every area" for a central analyst. The
 * server refuses files with cells of other areas (403), so saying it up front
 * saves a round trip.
 */
export function UploadScope({ session, lang }: { session: Session; lang: Lang }) {
  const { t } = useTranslation();
  const areas = session.scopeAreas ?? null;
  if (!areas || areas.length === 0) {
    return (
      <p className="count" data-testid="upload-scope" data-scope="central">
        {t('upload.scope.central')}
      </p>
    );
  }
  const names = areas.map((a) => t(a.level === 'region' ? 'upload.scope.region' : 'upload.scope.province', { name: a[lang] ?? a.vi, code: a.code }));
  return (
    <p className="note" role="note" data-testid="upload-scope" data-scope={areas.map((a) => a.code).join(',')}>
      {t('upload.scope.local', { areas: names.join(', '), count: areas.length })}
    </p>
  );
}
