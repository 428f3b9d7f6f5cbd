import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfidenceMeter, FlagBadge } from '../../components/badges';
import type { Column } from '../../components/csv';
import type { FlagThresholds } from '../../components/flag-scale';
import { sortRows, type SortState } from '../../components/data-table';
import { formatInteger, formatShare, formatSigned, MISSING, type Lang } from '../../i18n/format';
import type { PlannerRow } from './to-table-rows';

/** Cards shown at first and added by each "show more": a phone reader scans the top of the ranking. */
export const CARDS_PAGE = 20;

/**
 * The planner table on a phone: one card per sector × level, with the gap and the flag on the
 * card's first line, so nothing needs a sideways scroll. Same rows and order as the table,
 * CARDS_PAGE at a time (all 125 cells of a region would be a 25,000 px page).
 */
export function PlannerCards({
  rows,
  columns,
  sort,
  caption,
  thresholds,
}: {
  rows: PlannerRow[];
  columns: Column<PlannerRow>[];
  sort?: SortState;
  caption: string;
  thresholds?: Partial<FlagThresholds> | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const sorted = useMemo(() => sortRows(rows, columns, sort, lang), [rows, columns, sort, lang]);
  const [shown, setShown] = useState(CARDS_PAGE);
  const visible = sorted.slice(0, shown);
  const rest = sorted.length - visible.length;
  return (
    <>
      <ol className="planner-cards" aria-label={caption} data-testid="planner-cards">
        {visible.map((r) => (
          <li key={r.key} className="planner-card" data-flag={r.flag}>
            <div className="planner-card-head">
              <span className="planner-rank" aria-label={`${t('training.rank')} ${r.rank ?? MISSING}`}>
                {r.rank === null ? MISSING : `#${r.rank}`}
              </span>
              <span className="planner-name">
                <strong>{r.sectorName}</strong> · {r.qualificationName}
              </span>
            </div>
            <div className="planner-card-key">
              <span className="planner-gap" data-field="gap">
                <span className="label">{t('training.gap')}</span> <strong>{formatSigned(r.imbalance, lang)}</strong>{' '}
                <span className="small-text">({formatShare(r.imbalanceShare, lang)})</span>
              </span>
              <span data-field="flag">
                <FlagBadge flag={r.flag} thresholds={thresholds} share={r.imbalanceShare} />
              </span>
            </div>
            <dl className="planner-card-facts">
              <div>
                <dt>{t('gaps.openings')}</dt>
                <dd>{formatInteger(r.openings, lang)}</dd>
              </div>
              <div>
                <dt>{t('gaps.newSupply')}</dt>
                <dd>{formatInteger(r.newSupply, lang)}</dd>
              </div>
              <div>
                <dt>{t('training.interval')}</dt>
                <dd>
                  {formatSigned(r.imbalanceLower, lang)} … {formatSigned(r.imbalanceUpper, lang)}
                </dd>
              </div>
              <div>
                <dt>{t('gaps.confidence')}</dt>
                <dd>
                  <ConfidenceMeter confidence={r.confidence} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
      {rest > 0 && (
        <div className="planner-cards-more">
          <span className="small-text" aria-live="polite">
            {t('training.cardsShown', { shown: formatInteger(visible.length, lang), total: formatInteger(sorted.length, lang) })}
          </span>
          <button type="button" className="button button-small" onClick={() => setShown((n) => n + CARDS_PAGE)}>
            {t('training.cardsMore', { count: Math.min(CARDS_PAGE, rest) })}
          </button>
        </div>
      )}
    </>
  );
}
