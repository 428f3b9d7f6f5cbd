import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n/format';
import { localizeSource, type LocalizeOptions } from '../../i18n/source-text';
import { metaQueries } from './queries';

/**
 * A function giving a source citation in the UI language (Vietnamese forms of the model's
 * English source lines, indicator codes named from /api/meta). English mode shows them as sent.
 */
export function useSourceText(): (source: string | undefined, extra?: LocalizeOptions['extra']) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const meta = useQuery(metaQueries.codes());
  const indicators = meta.data?.indicators;
  return useCallback(
    (source, extra) =>
      localizeSource(source ?? '', lang, {
        extra,
        indicatorName: (code) => {
          const found = indicators?.find((i) => i.code === code);
          return found ? (lang === 'vi' ? found.nameVi : found.nameEn) : undefined;
        },
      }),
    [lang, indicators],
  );
}
