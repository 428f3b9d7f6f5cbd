import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../../api/problem';
import { problemText } from '../../api/problem-text';
import { LoadingState } from '../../components/states';
import type { ScenarioParameters } from '../../api/types';
import type { Lang } from '../../i18n/format';
import { useUrlState } from '../../router/use-url-state';
import { metaQueries } from '../meta/queries';
import { makeNamer } from '../meta/names';
import { CompareControls } from './compare-controls';
import { LeverGroups } from './lever-groups';
import { DEFAULT_SECTION, leverOfPath, leversFor, parametersKey, writeLever, baselineValue, type Lever } from './levers';
import { generalProblemText, leverProblemText, type T } from './lever-problem';
import { isCustomScenario, scenarioQueries } from './queries';
import { useApplyScenario } from './use-apply-scenario';
import { useScenarioParameters } from './use-scenario-parameters';
import { useWarmEngine } from './use-warm-engine';

/** Why a scenario could not be read, in the UI language (an expired or unknown id is a 404). */
function unreadableText(problem: ReturnType<typeof toProblem>, lang: Lang): string {
  const text = problemText(problem, lang);
  return text.detail ?? text.title;
}

/** A failed POST's problem as messages: beside each lever it names, and general ones below. */
function problemMessages(problem: ReturnType<typeof toProblem> | null, levers: Lever[], lang: Lang, t: T) {
  const errors = new Map<string, string>();
  const general: string[] = [];
  for (const e of problem?.errors ?? []) {
    const l = e.path ? leverOfPath(e.path, levers) : undefined;
    if (l) errors.set(l.id, leverProblemText(e, l, lang, t));
    else general.push(generalProblemText(e, lang, t));
  }
  if (problem && !problem.errors?.length) {
    // No field named (a 5xx, the network): the problem's own text in the UI language.
    const text = problemText(problem, lang);
    general.push([t('scenario.failed'), [text.title, text.detail].filter(Boolean).join(' — ')].join(': '));
  }
  return { errors, general };
}

/**
 * "Build a scenario": the collapsible panel of levers shown on the overview, regions, sectors
 * and training pages. It starts from the selected scenario's parameters; Apply (and releasing a
 * slider) POSTs the draft and puts the answered id in the URL; a 400 is shown beside each lever it
 * names. The compare switch sits in the panel's bar, visible while the panel is closed.
 */
function ScenarioBuilderPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, set] = useUrlState();
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);
  const catalogue = useQuery(scenarioQueries.catalogue());
  const baseline = catalogue.data?.baseline ?? null;
  const current = useScenarioParameters(state.scenario);
  const [section, setSection] = useState(DEFAULT_SECTION);
  // Open on a planner's scenario, closed on a preset until the user opens it. The levers are drawn
  // only while open: closed, some 270 elements would be rendered for nothing before the first chart.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? isCustomScenario(state.scenario);
  useWarmEngine(open);
  const [draft, setDraft] = useState<{ from: string | null; params: ScenarioParameters }>({ from: null, params: {} });
  const levers = useMemo(() => leversFor(section, draft.params), [section, draft.params]);
  const draftRef = useRef(draft);
  // The parameters last sent, so a release that changed nothing (an arrow key at the end of the range) sends nothing.
  const sent = useRef<string | null>(null);
  const { apply, mutation } = useApplyScenario((created) => {
    draftRef.current = { from: created.id, params: draftRef.current.params };
    setDraft(draftRef.current);
  });

  // A newly selected scenario (selector, Back, a shared link) replaces the draft; the answer to our own POST does not.
  // A scenario that cannot be read (expired, unknown) leaves the builder at the baseline.
  const known = current.data ?? (current.isError ? {} : undefined);
  if (known && draft.from !== state.scenario) setDraft({ from: state.scenario, params: known });
  // Handlers read the draft through the ref (several changes can come before a re-render); a draft
  // replaced while rendering reaches it here, before any event can.
  useLayoutEffect(() => {
    draftRef.current = draft;
  }, [draft]);

  const change = (l: Lever, value: number | undefined) => {
    draftRef.current = { ...draftRef.current, params: writeLever(draftRef.current.params, l, value, baselineValue(l, baseline)) };
    setDraft(draftRef.current);
  };
  const applied = parametersKey(current.data);
  const submit = (replace = false) => {
    sent.current = parametersKey(draftRef.current.params);
    apply(draftRef.current.params, { replace });
  };
  // Releasing a slider is the moment the user settles on a value (a held key or a drag ends in one
  // release), so it applies at once: no extra delay before the chart can redraw.
  const commit = () => {
    const key = parametersKey(draftRef.current.params);
    if (key !== sent.current && (key !== applied || mutation.isError)) submit(true);
  };
  const reset = () => {
    sent.current = null;
    mutation.reset();
    draftRef.current = { from: 'baseline', params: {} };
    setDraft(draftRef.current);
    set({ scenario: 'baseline' });
  };

  const { errors, general } = problemMessages(mutation.isError ? toProblem(mutation.error) : null, levers, lang, t);
  const dirty = parametersKey(draft.params) !== applied;

  return (
    <section className="card scenario-builder" aria-label={t('scenario.panelLabel')}>
      <details
        open={open || undefined}
        onToggle={(e) => {
          const now = e.currentTarget.open;
          if (now !== open) setToggled(now);
        }}
      >
        <summary className="scenario-builder-summary">{t('scenario.build')}</summary>
        <p className="count">{t('scenario.intro')}</p>
        {catalogue.isError && <p className="note">{t('scenario.catalogueMissing')}</p>}
        {current.isError && (
          <p className="note" role="alert">
            {t('scenario.unreadable', { detail: unreadableText(toProblem(current.error), lang) })}
          </p>
        )}
        {/* Levers wait for the scenario's parameters, so nothing typed before they arrive is overwritten. */}
        {!open ? null : !known ? (
          <LoadingState height={120} label={t('scenario.loadingParameters')} />
        ) : (
          <LeverGroups
            levers={levers}
            draft={draft.params}
            baseline={baseline}
            errors={errors}
            section={section}
            onSection={setSection}
            onChange={change}
            onCommit={commit}
            names={names}
          />
        )}
        {general.length > 0 && (
          <ul className="lever-problem problem-errors" role="alert" data-testid="scenario-problems">
            {general.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        )}
        <div className="scenario-actions">
          <button type="button" className="button button-primary" onClick={() => submit()} disabled={mutation.isPending}>
            {t('scenario.apply')}
          </button>
          <button type="button" className="button" onClick={reset}>
            {t('scenario.reset')}
          </button>
          <span className="count" aria-live="polite">
            {mutation.isPending
              ? t('scenario.computing')
              : dirty
                ? t('scenario.unapplied')
                : isCustomScenario(state.scenario)
                  ? t('scenario.appliedAs', { id: state.scenario })
                  : ''}
          </span>
        </div>
      </details>
      <CompareControls />
    </section>
  );
}

/** The panel, memoised: it reads the URL and its queries itself, so a page's re-render (a chart's data arriving) skips it. */
export const ScenarioBuilder = memo(ScenarioBuilderPanel);
