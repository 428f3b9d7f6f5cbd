import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidence, Flag, Status } from '../api/types';
import { STATUS_STYLE, uniqueStatuses } from './status';

/**
 * The status of a figure, one of five (official, international, survey, modelled, illustrative):
 * an icon and words (never colour alone), with a hint saying what the status means. Every number
 * the app shows carries one, so it is a single component.
 */
export function StatusBadge({ status, asKey = false }: { status: Status; /** A key in a list of definitions, labelling no number (no `data-status`). */ asKey?: boolean }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  // `data-status` marks a badge that labels numbers on screen; the e2e test requires the
  // illustrative note wherever an illustrative one is visible. Definition keys are marked apart.
  const marker = asKey ? { 'data-status-key': status } : { 'data-status': status };
  return (
    <span className={`badge badge-${status}`} {...marker} title={t(`status.${status}Hint`)}>
      <span aria-hidden="true" className="badge-icon">{style?.icon}</span> {t(`status.${status}`)}
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

/** Shortage / balanced / surplus, with an icon so colour is not the only cue. */
export function FlagBadge({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const icon = flag === 'shortage' ? '▼' : flag === 'surplus' ? '▲' : '●';
  return (
    <span className={`flag flag-${flag}`} data-flag={flag}>
      <span aria-hidden="true">{icon}</span> {t(`flag.${flag}`)}
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
