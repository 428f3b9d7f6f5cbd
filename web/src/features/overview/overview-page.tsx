import { useTranslation } from 'react-i18next';
import { PageHead } from '../../components/page-head';
import { Link } from '../../router/link';
import { useUrlState } from '../../router/use-url-state';
import { ScenarioBuilder } from '../scenario/scenario-builder';
import { SystemCompare } from '../scenario/system-compare';
import { KPI_INDICATORS } from './indicators';
import { KpiCard } from './kpi-card';
import { SystemFrame } from './system-frame';
import { TopImbalancesFrame } from './top-imbalances-frame';

/** Overview for planners: headline figures, national demand vs supply, top shortages and surpluses. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const [state] = useUrlState();
  return (
    <div className="page">
      <PageHead title={t('overview.title')} lead={t('overview.lead')} />
      <ScenarioBuilder />
      {state.compare && <SystemCompare a={state.compare} b={state.scenario} />}
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading" className="section-title">
          {t('overview.kpiHeading')}
        </h2>
        <div className="kpi-grid">
          {KPI_INDICATORS.map((k) => (
            <KpiCard key={k.code} indicator={k.code} unit={k.unit} />
          ))}
        </div>
      </section>
      <SystemFrame />
      <TopImbalancesFrame />
      <p className="page-links">
        <Link to={{ page: 'training', region: undefined }}>{t('overview.toPlanner')} →</Link>
        <Link to={{ page: 'regions' }}>{t('overview.toRegions')} →</Link>
      </p>
    </div>
  );
}
