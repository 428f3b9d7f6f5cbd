import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { warmScenarioEngine } from '../../api/endpoints';

/**
 * Fits the server's scenario engine when the builder is opened, not when a page merely shows the
 * closed builder: the fit takes seconds of server CPU, which a reader who never builds a scenario
 * should not cost (nor the next visitors, whose first chart would wait behind it). Once per
 * opening; a failure only means the first scenario waits for the fit.
 */
export function useWarmEngine(open: boolean): void {
  const { mutate } = useMutation({ mutationFn: warmScenarioEngine, retry: false });
  useEffect(() => {
    if (open) mutate();
  }, [open, mutate]);
}
