import { useTranslation } from 'react-i18next';
import type { DataLevelRow, IndicatorMeta } from '../../api/types';
import { StatusBadge } from '../../components/badges';
import type { Column } from '../../components/csv';
import { DataTable } from '../../components/data-table';
import { IllustrativeNote } from '../../components/illustrative-note';
import { formatInteger, type Lang } from '../../i18n/format';
import { nameOf } from '../meta/names';
import { toLevelRows, type LevelTableRow } from './to-level-rows';
import { localizeSource } from '../../i18n/source-text';

const LIST = { margin: 0, paddingLeft: 16 } as const;

/** At most SHOWN_SOURCES sources, the rest behind "and N more". */
function SourceCell({ row }: { row: LevelTableRow }) {
  const { t, i18n } = useTranslation();
  const sourceText = (s: string) => localizeSource(s, i18n.language as Lang);
  const unserved = row.moreCount - row.moreSources.length;
  return (
    <div className="small-text">
      <ul style={LIST}>
        {row.shownSources.map((s, i) => (
          <li key={i}>{sourceText(s)}</li>
        ))}
      </ul>
      {row.moreCount > 0 && (
        <details className="assumptions" style={{ margin: 0, fontSize: 'inherit' }}>
          <summary>{t('methodology.moreSources', { count: row.moreCount })}</summary>
          {row.moreSources.length > 0 && (
            <ul style={LIST}>
              {row.moreSources.map((s, i) => (
                <li key={i}>{sourceText(s)}</li>
              ))}
            </ul>
          )}
          {unserved > 0 && <p>{t('methodology.moreSourcesUnlisted', { count: unserved })}</p>}
        </details>
      )}
    </div>
  );
}

/**
 * Which levels of detail and years are official, international, modelled or illustrative, from
 * /api/meta `dataLevels` (computed by the server from the loaded observations, never typed in here).
 */
export function DataLevelsTable({ levels, indicators }: { levels: DataLevelRow[] | undefined; indicators: IndicatorMeta[] | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const indicatorName = (code: string) => {
    const meta = indicators?.find((i) => i.code === code);
    return meta ? nameOf(meta, lang) : code;
  };
  const rows = toLevelRows(levels ?? [], lang, indicatorName, (f) => t(`methodology.${f}`));
  const columns: Column<LevelTableRow>[] = [
    { key: 'level', label: t('methodology.level'), value: (r) => r.levelName },
    { key: 'status', label: t('methodology.status'), value: (r) => r.status, format: (r) => <StatusBadge status={r.status} /> },
    { key: 'years', label: t('methodology.years'), value: (r) => r.periods },
    { key: 'frequency', label: t('methodology.frequency'), value: (r) => r.frequency },
    { key: 'indicators', label: t('methodology.indicators'), value: (r) => r.indicators },
    { key: 'rows', label: t('methodology.rows'), value: (r) => r.rows, format: (r) => formatInteger(r.rows, lang), align: 'right' },
    { key: 'sources', label: t('methodology.sources'), value: (r) => r.sources, format: (r) => <SourceCell row={r} /> },
  ];
  return (
    <section className="card" data-testid="data-levels">
      <h2 id="levels-heading" className="chart-title">
        {t('methodology.levelsTitle')}
      </h2>
      <p className="chart-subtitle">{t('methodology.levelsLead')}</p>
      <IllustrativeNote basis={rows.map((r) => r.status)} levels={rows.map((r) => r.level)} dataLevels={levels} compact />
      {rows.length > 0 ? (
        <DataTable columns={columns} rows={rows} caption={t('methodology.levelsTitle')} rowKey={(r) => `${r.level}|${r.status}`} maxHeight={560} />
      ) : (
        <p className="count">{t('methodology.levelsEmpty')}</p>
      )}
    </section>
  );
}
