import { useTranslation } from 'react-i18next';
import type { Confidence, Flag, Status } from '../api/types';

/**
 * The status of a figure: official (GSO/ministry), survey (uploaded microdata) or modelled.
 * Modelled figures must always carry this badge, so it is a single component.
 */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-status={status} title={t(`status.${status}Hint`)}>
      {t(`status.${status}`)}
    </span>
  );
}

/** Shorthand for the badge every modelled number carries. */
export function ModelledBadge() {
  return <StatusBadge status="modelled" />;
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
