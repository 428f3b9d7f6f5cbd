import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { metaQueries } from '../features/meta/queries';
import { nameOf } from '../features/meta/names';
import type { Lang } from '../i18n/format';
import { HORIZONS, type Horizon } from '../router/url-state';
import { useUrlState } from '../router/use-url-state';

/** A labelled native select: keyboard and screen-reader friendly for free. */
export function Select({
  label,
  value,
  onChange,
  options,
  name,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  name?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Scenario selector, options from /api/meta, value in the URL. */
export function ScenarioSelect() {
  const { t, i18n } = useTranslation();
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const scenarios = meta.data?.scenarios ?? [];
  const options = scenarios.length
    ? scenarios.map((s) => ({ value: s.id ?? s.code, label: nameOf(s, i18n.language as Lang) }))
    : [{ value: state.scenario, label: state.scenario }];
  const current = scenarios.find((s) => (s.id ?? s.code) === state.scenario);
  const description = current ? (i18n.language === 'en' ? current.descriptionEn : current.descriptionVi) : undefined;
  return (
    <div className="scenario-field">
      <Select name="scenario" label={t('controls.scenario')} value={state.scenario} onChange={(v) => set({ scenario: v })} options={options} />
      {description && <p className="scenario-note">{description}</p>}
    </div>
  );
}

/** Horizon as a segmented radio group (1, 3, 5, 10 years), value in the URL. */
export function HorizonSelect() {
  const { t } = useTranslation();
  const [state, set] = useUrlState();
  const name = useId();
  return (
    <fieldset className="field segmented">
      <legend>{t('controls.horizon')}</legend>
      <div className="segments">
        {HORIZONS.map((h) => (
          <label key={h} className={state.horizon === h ? 'segment active' : 'segment'}>
            <input type="radio" name={name} value={h} checked={state.horizon === h} onChange={() => set({ horizon: h as Horizon })} />
            {t('controls.years', { count: h })}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
