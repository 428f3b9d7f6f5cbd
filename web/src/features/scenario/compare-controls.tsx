import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { compareScenarioIds } from '../../adapters/scenario-ids';
import { Select } from '../../components/controls';
import type { Lang } from '../../i18n/format';
import { useUrlState } from '../../router/use-url-state';
import { metaQueries } from '../meta/queries';
import { nameOf } from '../meta/names';
import { isCustomScenario, scenarioQueries } from './queries';

/** The name of a scenario id: a preset's name, "Custom scenario" for a user-built id, else the id. */
export function useScenarioName(): (id: string) => string {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const catalogue = useQuery(scenarioQueries.catalogue());
  const meta = useQuery(metaQueries.codes());
  return (id) => {
    const preset = catalogue.data?.presets?.find((p) => p.id === id) ?? meta.data?.scenarios.find((s) => (s.id ?? s.code) === id);
    if (preset) return nameOf(preset, lang);
    return isCustomScenario(id) ? `${t('scenario.custom')} (${id})` : id;
  };
}

/**
 * The compare switch (`compare=<id>` in the URL; on = against the baseline) and, when on, the
 * reference scenario A the current one (B) is set against.
 */
export function CompareControls() {
  const { t } = useTranslation();
  const [state, set] = useUrlState();
  const catalogue = useQuery(scenarioQueries.catalogue());
  const meta = useQuery(metaQueries.codes());
  const nameOfId = useScenarioName();
  const id = useId();
  const ids = compareScenarioIds(catalogue.data?.presets, meta.data?.scenarios, state.compare);
  return (
    <div className="compare-controls">
      <label className="compare-switch" htmlFor={id}>
        <input id={id} type="checkbox" checked={state.compare !== undefined} onChange={(e) => set({ compare: e.target.checked ? 'baseline' : undefined })} />
        {t('compare.toggle')}
      </label>
      {state.compare !== undefined && (
        <>
          <Select
            name="compare"
            label={t('compare.against')}
            value={state.compare}
            onChange={(v) => set({ compare: v })}
            options={ids.map((v) => ({ value: v, label: nameOfId(v) }))}
          />
          <p className="count">{t('compare.explain', { a: nameOfId(state.compare), b: nameOfId(state.scenario) })}</p>
          {state.compare === state.scenario && <p className="note">{t('compare.same')}</p>}
        </>
      )}
    </div>
  );
}
