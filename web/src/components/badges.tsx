import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidence, Flag, Status } from '../api/types';
import { STATUS_STYLE, uniqueStatuses } from './status';
import { thresholdsOf, type FlagThresholds } from './flag-scale';
import { formatInteger, formatShare, type Lang } from '../i18n/format';

/**
 * The status of a figure, one of five (official, international, survey, modelled, illustrative):
 * an icon and words (never colour alone), with a hint saying what the status means. Every number
 * the app shows carries one, so it is a single component.
 */
export function StatusBadge({
  status,
  asKey = false,
}: {
  status: Status;
  /** A key in a list of definitions, labelling no number (no `data-status`). */ asKey?: boolean;
}) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  // `data-status` marks a badge that labels numbers on screen; the e2e test requires the
  // illustrative note wherever an illustrative one is visible. Definition keys are marked apart.
  const marker = asKey ? { 'data-status-key': status } : { 'data-status': status };
  return (
    <span className={`badge badge-${status}`} {...marker} title={t(`status.${status}Hint`)}>
      <span aria-hidden="true" className="badge-icon">
        {style?.icon}
      </span>{' '}
      {t(`status.${status}`)}
    </span>
  );
}

/** Several statuses side by side, in the fixed order (duplicates and unknown codes dropped). */
export function StatusBadges({ statuses }: { statuses: readonly unknown[] }) {
  const list = uniqueStatuses(statuses);
  return (
    <span className="badges">
      {list.map((s, i) => (
        <Fragment key={s}>
          {i > 0 && ' '}
          <StatusBadge status={s} />
        </Fragment>
      ))}
    </span>
  );
}

/**
 * A figure's own statuses, then what the modelled ones rest on ("Model output, rests on: Official
 * statistic, Illustrative"), so a forecast built on generated values says so next to the number.
 */
export function StatusLine({ statuses, basis = [] }: { statuses: readonly unknown[]; basis?: readonly unknown[] }) {
  const { t } = useTranslation();
  const own = uniqueStatuses(statuses);
  const rests = uniqueStatuses(basis);
  if (own.length === 0 && rests.length === 0) return null;
  return (
    <span className="status-line" data-testid="status-line">
      <span className="label">{t('status.label')}:</span> <StatusBadges statuses={own} />
      {rests.length > 0 && (
        <>
          {' '}
          <span className="label">{t('status.restsOn')}</span> <StatusBadges statuses={rests} />
        </>
      )}
    </span>
  );
}

/** Icons of the flags, so colour is never the only cue. */
export const FLAG_ICONS: Record<Flag, string> = { shortage: '▼', balanced: '●', surplus: '▲', uncertain: '?', 'too-small': '·' };

/** The served thresholds (completed with the defaults) written for the flag-rule texts: `below`, `above`, `smallCell`, `minOpenings`. */
export function flagRuleValues(
  thresholds: Partial<FlagThresholds> | null | undefined,
  lang: Lang,
): Record<'below' | 'above' | 'smallCell' | 'minOpenings', string> {
  const th = thresholdsOf(thresholds);
  return {
    below: formatShare(th.shortageBelow, lang),
    above: formatShare(th.surplusAbove, lang),
    smallCell: formatInteger(th.smallCell, lang),
    minOpenings: formatInteger(th.minOpenings, lang),
  };
}

/** The rule behind a flag in words, with the served thresholds (and the cell's own share, if given): the flag's tooltip. */
export function flagHint(
  flag: Flag,
  t: (key: string, options?: Record<string, unknown>) => string,
  lang: Lang,
  thresholds?: Partial<FlagThresholds> | null,
  share?: number | null,
): string {
  const rule = t(`flagHint.${flag}`, flagRuleValues(thresholds, lang));
  return typeof share === 'number' && Number.isFinite(share) ? `${rule} ${t('flagHint.share', { share: formatShare(share, lang) })}` : rule;
}

/**
 * Shortage / balanced / surplus / uncertain / too small to assess, with an icon so colour is not
 * the only cue; the tooltip states the rule with the served thresholds (% of base employment).
 */
export function FlagBadge({ flag, thresholds, share }: { flag: Flag; thresholds?: Partial<FlagThresholds> | null; share?: number | null }) {
  const { t, i18n } = useTranslation();
  return (
    <span className={`flag flag-${flag}`} data-flag={flag} title={flagHint(flag, t, i18n.language as Lang, thresholds, share)}>
      <span aria-hidden="true">{FLAG_ICONS[flag] ?? '●'}</span> {t(`flag.${flag}`)}
    </span>
  );
}

/** Confidence in a gap: filled dots plus a word. */
export function ConfidenceMeter({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  const filled = confidence === 'high' ? 3 : confidence === 'medium' ? 2 : 1;
  return (
    <span className={`confidence confidence-${confidence}`} title={t('confidence.hint')}>
      <span aria-hidden="true" className="dots">
        {[0, 1, 2].map((i) => (
          <span key={i} className={i < filled ? 'dot on' : 'dot'} />
        ))}
      </span>
      {t(`confidence.${confidence}`)}
    </span>
  );
}
