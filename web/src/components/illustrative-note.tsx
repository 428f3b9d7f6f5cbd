import { useContext } from 'react';
import { QueryClientContext } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { illustrativeLevelNames, type LevelId } from '../adapters/basis';
import type { DataLevelRow, Meta } from '../api/types';
import type { Lang } from '../i18n/format';
import { metaQueries } from '../features/meta/queries';
import { StatusBadge } from './badges';
import { hasIllustrative } from './status';

/**
 * `dataLevels` of /api/meta if a page has loaded it. Read from the cache rather than subscribed:
 * every page loads meta anyway (and re-renders when it arrives), and components stay usable
 * outside a QueryClientProvider (unit tests of charts).
 */
export function useDataLevels(): DataLevelRow[] | undefined {
  const client = useContext(QueryClientContext);
  return client?.getQueryData<Meta>(metaQueries.codes().queryKey)?.dataLevels;
}

/** The note's text: which levels are illustrative (from dataLevels), or a general sentence. */
export function illustrativeNoteText(t: (key: string, opts?: Record<string, unknown>) => string, names: string[]): string {
  return names.length ? t('illustrative.noteLevels', { levels: names.join('; ') }) : t('illustrative.noteGeneric');
}

/**
 * Shown wherever a number rests on `illustrative` values: says so in words, names the level(s)
 * that are generated, and carries the illustrative badge. Renders nothing otherwise.
 */
export function IllustrativeNote({
  basis,
  levels = [],
  dataLevels,
  compact = false,
}: {
  basis: readonly unknown[] | undefined;
  levels?: readonly LevelId[];
  dataLevels?: DataLevelRow[];
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const cached = useDataLevels();
  if (!hasIllustrative(basis)) return null;
  const names = illustrativeLevelNames(dataLevels ?? cached, levels, i18n.language as Lang);
  return (
    <p className={compact ? 'note note-illustrative compact' : 'note note-illustrative'} role="note" data-illustrative-note="true">
      <StatusBadge status="illustrative" /> {illustrativeNoteText(t, names)}
    </p>
  );
}
