import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n/format';
import type { Lever } from './levers';
import { formatLeverValue, isChange } from './summary';

/**
 * One lever: a slider and a number input bound to the same value, its unit, the baseline value
 * beside it (and a reference figure for relative levers), and the API's error for it, if any.
 * The slider commits on release (pointer up, key up): the builder applies then.
 */
export function LeverInput({
  lever,
  label,
  value,
  baseline,
  reference,
  error,
  onChange,
  onCommit,
}: {
  lever: Lever;
  label: string;
  /** The set value, or undefined when the scenario leaves the lever at the baseline. */
  value: number | undefined;
  baseline: number | null;
  reference?: { value: number; unit: 'graduates-per-year' | 'workers' | 'pct' } | null;
  error?: string;
  onChange: (value: number | undefined) => void;
  onCommit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const errorId = `${id}-error`;
  const shown = value ?? baseline ?? undefined;
  // The typed text is kept apart from the value so half-typed numbers ("1.", "-") survive.
  const [text, setText] = useState(shown === undefined ? '' : String(shown));
  // A new value from outside (slider, preset, reset) replaces the text unless the text already reads
  // as it; adjusted while rendering, as React advises, rather than one render late in an effect.
  const [textFor, setTextFor] = useState(shown);
  if (shown !== textFor) {
    setTextFor(shown);
    setText((old) => (Number(old) === shown && old.trim() !== '' ? old : shown === undefined ? '' : String(shown)));
  }
  const signed = isChange(lever.spec);
  const unit = t(`scenario.units.${lever.unit}`);
  const fmt = (v: number) => formatLeverValue(v, lever.unit, lang, t, { step: lever.step, signed });
  const changed = value !== undefined;

  return (
    <div className={`lever${changed ? ' lever-changed' : ''}${error ? ' lever-error' : ''}`} data-lever={lever.id}>
      <label className="lever-label" htmlFor={`${id}-number`}>
        {label}
      </label>
      <div className="lever-controls">
        {lever.kind === 'slider' && (
          <input
            type="range"
            className="lever-slider"
            aria-label={`${label} (${unit})`}
            min={lever.min}
            max={lever.max}
            step={lever.step}
            value={shown ?? lever.min}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange(Number(e.target.value))}
            onPointerUp={onCommit}
            onKeyUp={(e) => {
              if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key.startsWith('Page')) onCommit();
            }}
          />
        )}
        <input
          id={`${id}-number`}
          type="number"
          className="lever-number"
          inputMode="decimal"
          min={lever.min}
          max={lever.max}
          step={lever.step}
          value={text}
          placeholder={shown === undefined ? t('scenario.unset') : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const v = e.target.value.trim() === '' ? undefined : Number(e.target.value.replace(',', '.'));
            if (v === undefined || Number.isFinite(v)) onChange(v);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onCommit();
          }}
        />
        <span className="lever-unit">{unit}</span>
      </div>
      <p className="lever-baseline">
        {t('scenario.baseline')}: {baseline === null ? t('scenario.baselineDefault') : fmt(baseline)}
        {reference && <> · {t(`scenario.reference.${reference.unit}`, { value: formatLeverValue(reference.value, reference.unit, lang, t) })}</>}
      </p>
      {error && (
        <p className="lever-problem" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
