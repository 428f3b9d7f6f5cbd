import { useTranslation } from 'react-i18next';
import type { VersionInfo } from './queries';

/**
 * Who made a version and for which areas (issue 15 §9): the token's name, its
 * scope (or "central"), and for uploads the areas of the uploaded cells.
 */
export function VersionBy({ version }: { version: VersionInfo }) {
  const { t } = useTranslation();
  const by = version.by;
  if (!by) return <>–</>;
  const name = by.kind === 'system' ? t('versions.bySystem') : by.kind === 'cli' ? t('versions.byCli') : (by.name ?? t('versions.byToken'));
  return (
    <>
      <span>{name}</span>
      {by.kind === 'token' && (
        <span className="count" data-testid={`version-scope-${version.id}`}>
          {' · '}
          {by.scope ? t('versions.scope', { areas: by.scope.join(', ') }) : t('versions.central')}
        </span>
      )}
      {version.areas && version.areas.length > 0 && (
        <div className="count" data-testid={`version-areas-${version.id}`}>
          {t('versions.areas', { areas: version.areas.join(', '), count: version.areas.length })}
        </div>
      )}
    </>
  );
}
