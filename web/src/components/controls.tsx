import { useId, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { metaQueries } from '../features/meta/queries';
import { nameOf } from '../features/meta/names';
import type { Lang } from '../i18n/format';
import { HORIZONS, type Horizon } from '../router/url-state';
import { useUrlState } from '../router/use-url-state';
import { CustomScenarioSummary } from '../features/scenario/custom-scenario';
import { isCustomScenario } from '../features/scenario/queries';

/** A labelled form field: the label, then its control (and any hint) — `className` adds to `field`. */
export function Field({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** A labelled native select: keyboard and screen-reader friendly for free. */
export function Select({
  label,
  value,
  onChange,
  options,
  name,
  id,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Options; those with a `group` are shown under that <optgroup> heading, in order of appearance. */
  options: readonly { value: string; label: string; group?: string }[];
  name?: string;
  /** The select's id (default: a generated one), for a form that names its fields. */
  id?: string;
  /** Shown under the select, inside the field (e.g. a hint on the chosen value). */
  children?: ReactNode;
}) {
  const generated = useId();
  const selectId = id ?? generated;
  const groups: { name?: string; options: (typeof options)[number][] }[] = [];
  for (const o of options) {
    const last = groups[groups.length - 1];
    if (last && last.name === o.group) last.options.push(o);
    else groups.push({ name: o.group, options: [o] });
  }
  const render = (list: typeof options) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <Field id={selectId} label={label}>
      <select id={selectId} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.map((g, i) =>
          g.name ? (
            <optgroup key={`${g.name}-${i}`} label={g.name}>
              {render(g.options)}
            </optgroup>
          ) : (
            render(g.options)
          ),
        )}
      </select>
      {children}
    </Field>
  );
}

/** Scenario selector, options from /api/meta, value in the URL. */
export function ScenarioSelect() {
  const { t, i18n } = useTranslation();
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const scenarios = meta.data?.scenarios ?? [];
  const current = scenarios.find((s) => (s.id ?? s.code) === state.scenario);
  // A user-built scenario is not in the presets: it shows as "Custom scenario" with its parameters.
  const custom = !current && isCustomScenario(state.scenario);
  const options = [
    ...(scenarios.length
      ? scenarios.map((s) => ({ value: s.id ?? s.code, label: nameOf(s, i18n.language as Lang) }))
      : custom
        ? []
        : [{ value: state.scenario, label: state.scenario }]),
    ...(custom ? [{ value: state.scenario, label: t('scenario.custom') }] : []),
  ];
  const description = current ? (i18n.language === 'en' ? current.descriptionEn : current.descriptionVi) : undefined;
  return (
    <div className="scenario-field">
      <Select name="scenario" label={t('controls.scenario')} value={state.scenario} onChange={(v) => set({ scenario: v })} options={options} />
      {description && <p className="scenario-note">{description}</p>}
      {custom && <CustomScenarioSummary id={state.scenario} />}
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
