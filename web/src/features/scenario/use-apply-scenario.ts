import { useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createScenario } from '../../api/endpoints';
import type { CreatedScenario, ScenarioParameters } from '../../api/types';
import { parseUrlState } from '../../router/url-state';
import { navigate } from '../../router/use-url-state';
import { prefetchPage } from '../prefetch';
import { isCustomScenario, scenarioQueries } from './queries';

/**
 * How long the URL change waits for the new scenario's figures: past it the view changes at
 * once and shows the previous figures, marked as updating, until they arrive.
 */
const READS_BEFORE_NAVIGATE_MS = 1500;

/**
 * POSTs a parameter set and, once the server has computed it, puts its id in the URL
 * (`scenario=<id>`), so the view redraws and the link is shareable. Only the latest request
 * navigates: an earlier answer arriving late never undoes a newer slider position.
 * `replace` (auto-apply on slider release) keeps Back from stepping through every position.
 * The view's reads for the new id start first and the URL changes when they are answered
 * (within READS_BEFORE_NAVIGATE_MS), so the page renders once, with the new figures, instead of
 * twice (the previous figures marked as updating, then the new ones): on a slow CPU that
 * second render of every chart is most of a slider's redraw time.
 */
export function useApplyScenario(onApplied?: (created: CreatedScenario) => void) {
  const client = useQueryClient();
  const latest = useRef(0);
  const mutation = useMutation({
    mutationFn: async ({ parameters }: { parameters: ScenarioParameters; replace: boolean; seq: number }) => createScenario(parameters),
    onSuccess: async (created, vars) => {
      client.setQueryData(scenarioQueries.detail(created.id).queryKey, {
        id: created.id,
        parameters: created.parameters,
        preset: !isCustomScenario(created.id),
      });
      if (vars.seq !== latest.current) return;
      const reads = prefetchPage(client, { ...parseUrlState(window.location.search), scenario: created.id });
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        reads,
        new Promise((resolve) => {
          timer = setTimeout(resolve, READS_BEFORE_NAVIGATE_MS);
        }),
      ]);
      clearTimeout(timer);
      // A newer slider position may have been applied while the reads ran.
      if (vars.seq !== latest.current) return;
      onApplied?.(created);
      navigate({ scenario: created.id }, { replace: vars.replace });
    },
  });
  const apply = (parameters: ScenarioParameters, options: { replace?: boolean } = {}) =>
    mutation.mutate({ parameters, replace: options.replace ?? false, seq: ++latest.current });
  return { apply, mutation };
}
