import type { ReactNode } from 'react';
import { HorizonSelect, ScenarioSelect } from './controls';

/** Which of the shared selectors a page offers beside its title. */
export type PageControls = 'none' | 'scenario' | 'scenario-horizon';

/**
 * A page's title and lead paragraph, with the scenario and horizon selectors most pages share,
 * so every page reads and lays out the same way.
 */
export function PageHead({ title, lead, controls = 'scenario-horizon' }: { title: ReactNode; lead: ReactNode; controls?: PageControls }) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        <p className="lead">{lead}</p>
      </div>
      {controls !== 'none' && (
        <div className="page-controls">
          <ScenarioSelect />
          {controls === 'scenario-horizon' && <HorizonSelect />}
        </div>
      )}
    </div>
  );
}
