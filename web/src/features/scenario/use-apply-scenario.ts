import { useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createScenario } from '../../api/endpoints';
import type { CreatedScenario, ScenarioParameters } from '../../api/types';
import { parseUrlState } from '../../router/url-state';
import { navigate } from '../../router/use-url-state';
import { prefetchPage } from '../prefetch';
import { isCustomScenario, scenarioQueries } from './queries';

/**
 * POSTs a parameter set and, once the server has computed it, puts its id in the URL
 * (`scenario=<id>`), so the view redraws and the link is shareable. Only the latest request
 * navigates: an earlier answer arriving late never undoes a newer slider position.
 * `replace` (auto-apply on slider release) keeps Back from stepping through every position.
 */
export function useApplyScenario(onApplied?: (created: CreatedScenario) => void) {
  const client = useQueryClient();
  const latest = useRef(0);
  const mutation = useMutation({
    mutationFn: async ({ parameters }: { parameters: ScenarioParameters; replace: boolean; seq: number }) => createScenario(parameters),
    onSuccess: (created, vars) => {
      client.setQueryData(scenarioQueries.detail(created.id).queryKey, { id: created.id, parameters: created.parameters, preset: !isCustomScenario(created.id) });
      if (vars.seq !== latest.current) return;
      onApplied?.(created);
      // The view's reads for the new scenario start now, not after the page has re-rendered.
      prefetchPage(client, { ...parseUrlState(window.location.search), scenario: created.id });
      navigate({ scenario: created.id }, { replace: vars.replace });
    },
  });
  const apply = (parameters: ScenarioParameters, options: { replace?: boolean } = {}) =>
    mutation.mutate({ parameters, replace: options.replace ?? false, seq: ++latest.current });
  return { apply, mutation };
}
