import { useTranslation } from 'react-i18next';
import { localizeSource } from '../i18n/source-text';
import type { Assumptions, Thresholds } from '../api/types';
import { formatInteger, formatPercent, type Lang } from '../i18n/format';
import { flagRuleValues } from './badges';
import { DataTable } from './data-table';
import { exitRateRows, otherEntrantRows, rateColumns } from '../adapters/assumption-rows';

/** Names for codes (a features/meta Namer fits). */
interface CodeNames {
  sector: (code: string) => string;
  qualification: (code: string) => string;
}

const mean = (xs: readonly number[] | undefined) => (xs && xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
/** A per-year fraction (0.025) as a percent (2,50%). */
const pct = (x: number | undefined, lang: Lang, digits = 2) => formatPercent(x === undefined ? undefined : x * 100, lang, digits);

/** The flag rule in words with the served thresholds (% of base employment over the horizon). */
export function useFlagRule(thresholds?: Partial<Thresholds> | null): string {
  const { t, i18n } = useTranslation();
  return t('training.flagRule', flagRuleValues(thresholds, i18n.language as Lang));
}

/**
 * The assumptions behind every flag, shown where the flags are (issue 12 §5): the thresholds,
 * the replacement rates (retirement + deaths, by sector and where they come from), the new-supply
 * inflows (entry rate, demographic entrants, other entrants by level) and the method notes with
 * their sources. A closed <details> so it costs no space until asked for.
 */
export function FlagAssumptions({
  assumptions,
  thresholds,
  names,
}: {
  assumptions?: Assumptions | null;
  thresholds?: Partial<Thresholds> | null;
  names?: CodeNames;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const rule = useFlagRule(thresholds ?? assumptions?.thresholds);
  const a = assumptions;
  const rep = a?.replacement;
  const sup = a?.newSupply;
  const years = (ys: number[] | undefined) => (ys && ys.length ? t('assumptions.years', { from: ys[0], to: ys[ys.length - 1] }) : '');
  const sectorName = (c: string) => names?.sector(c) ?? c;
  const levelName = (c: string) => names?.qualification(c) ?? c;
  const labels = (name: 'sector' | 'level') => ({ name: t(`assumptions.${name}`), rate: t('assumptions.rate'), basis: t('assumptions.basis') });
  const format = { rate: (v: number) => pct(v, lang), basis: (b: string) => t(`assumptions.basis_${b}`, { defaultValue: b }) };
  return (
    <details className="assumptions" data-assumptions>
      <summary>{t('assumptions.title')}</summary>
      <h4>{t('assumptions.thresholds')}</h4>
      <p>{rule}</p>
      {!a && <p>{t('assumptions.none')}</p>}
      {a && (
        <>
          <h4>{t('assumptions.replacement')}</h4>
          {rep && (
            <p>
              {years(rep.years)}: {t('assumptions.retirement')} {pct(mean(rep.retirementRate), lang)} + {t('assumptions.death')}{' '}
              {pct(mean(rep.deathRate), lang)}
              {' · '}
              {t('assumptions.scenarioMultiplier')} {rep.scenarioMultiplier.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US')}
              {Object.keys(rep.byLevel).length > 0 &&
                ` · ${Object.entries(rep.byLevel)
                  .map(([q, m]) => `${levelName(q)} ×${m.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 })}`)
                  .join(', ')}`}
            </p>
          )}
          {a.exitRates.length > 0 && (
            <DataTable
              columns={rateColumns(labels('sector'), format)}
              rows={exitRateRows(a, sectorName)}
              caption={t('assumptions.bySector')}
              captionVisible
              compact
              rowKey={(r) => r.code}
            />
          )}
          <h4>{t('assumptions.newSupply')}</h4>
          <p>
            {t('assumptions.entryRate')}: {pct(a.entryRate, lang, 1)}
            {sup && sup.lfEntrants.length > 0 && (
              <>
                {' '}
                · {t('assumptions.lfEntrants')} ({years(sup.years)}): {formatInteger(mean(sup.lfEntrants), lang)}
              </>
            )}
          </p>
          {Object.keys(a.otherEntrantsRate).length > 0 && (
            <DataTable
              columns={rateColumns(labels('level'), format)}
              rows={otherEntrantRows(a, levelName)}
              caption={t('assumptions.otherEntrants')}
              captionVisible
              compact
              rowKey={(r) => r.code}
            />
          )}
          {(a.sources?.length ?? 0) > 0 && (
            <>
              <h4>{t('assumptions.sources')}</h4>
              <ul>
                {a.sources!.map((n) => (
                  <li key={n.id}>
                    {lang === 'vi' ? n.vi : n.en} <span className="note-source">— {localizeSource(n.source, lang)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </details>
  );
}
