import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/badges';
import { IllustrativeNote } from '../../components/illustrative-note';
import { VIEW_LEVELS } from '../../adapters/basis';
import { STATUS_ORDER } from '../../components/status';
import { DataLevelsTable } from './data-levels-table';
import { MethodNotesList } from './method-notes-list';
import { DataTable } from '../../components/data-table';
import type { Lang } from '../../i18n/format';
import { metaQueries } from '../meta/queries';
import { makeNamer } from '../meta/names';
import { useSourceText } from '../meta/use-source-text';
import { PageHead } from '../../components/page-head';
import { AccuracySection } from './accuracy-section';
import { SystemBacktestSection } from './system-backtest-section';
import { sourceColumns, type SourceRow } from './methodology-columns';

/** The sources of the dataset version with their status and how many observations each gave. */
function SourcesTable({ sources, lang }: { sources: SourceRow[]; lang: Lang }) {
  const { t } = useTranslation();
  const sourceText = useSourceText();
  return (
    <section className="card">
      <h2 id="sources-heading" className="chart-title">
        {t('methodology.sourcesTitle')}
      </h2>
      <IllustrativeNote basis={sources.map((r) => r.status)} levels={VIEW_LEVELS.areaGaps} compact />
      {sources.length > 0 ? (
        <DataTable
          columns={sourceColumns(t, lang, sourceText)}
          rows={sources}
          caption={t('methodology.sourcesTitle')}
          rowKey={(r, i) => `${i}-${r.citation}`}
          maxHeight={560}
        />
      ) : (
        <p className="count">{t('state.emptyHint')}</p>
      )}
    </section>
  );
}

/** Methodology & accuracy: plain-language method, backtest of engine vs naive, sources, the 2021 break. */
export default function MethodologyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const meta = useQuery(metaQueries.codes());
  const names = makeNamer(meta.data, lang);

  return (
    <div className="page">
      <PageHead title={t('methodology.title')} lead={t('methodology.lead')} controls="none" />
      <section className="card prose" aria-labelledby="how-heading">
        <h2 id="how-heading">{t('methodology.howTitle')}</h2>
        <ol>
          {(t('methodology.howSteps', { returnObjects: true }) as string[]).map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
        <h3>{t('methodology.unemploymentDefTitle')}</h3>
        <p>{t('methodology.unemploymentDefText')}</p>
      </section>

      <MethodNotesList />

      <SystemBacktestSection meta={meta} lang={lang} />

      <AccuracySection names={names} meta={meta} lang={lang} />

      <section className="card prose" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('methodology.statusTitle')}</h2>
        <ul className="status-list" data-testid="status-list">
          {STATUS_ORDER.map((s) => (
            <li key={s} data-status-item={s}>
              <StatusBadge status={s} asKey /> {t(`methodology.${s}`)}
            </li>
          ))}
        </ul>
      </section>

      <DataLevelsTable levels={meta.data?.dataLevels} indicators={meta.data?.indicators} />

      <section className="card prose" aria-labelledby="source-list-heading">
        <h2 id="source-list-heading">{t('methodology.sourceListTitle')}</h2>
        <ul>
          {(t('methodology.sourceList', { returnObjects: true }) as string[]).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>

      <section className="card prose" aria-labelledby="break-heading">
        <h2 id="break-heading">{t('methodology.breakTitle')}</h2>
        <p>{t('methodology.breakText')}</p>
        <p>{t('methodology.oldBasisText')}</p>
        <h2>{t('methodology.trainedTitle')}</h2>
        <p>{t('methodology.trainedText')}</p>
        <h2>{t('methodology.provincesTitle')}</h2>
        <p>{t('methodology.provincesText')}</p>
        <h2>{t('methodology.agenciesTitle')}</h2>
        <p>{t('methodology.agenciesText')}</p>
      </section>

      <SourcesTable sources={meta.data?.sources ?? []} lang={lang} />
    </div>
  );
}
