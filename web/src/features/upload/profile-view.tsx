import { useTranslation } from 'react-i18next';
import { formatInteger, formatDecimal, type Lang } from '../../i18n/format';
import type { FileProfile } from './profile';

/**
 * The browser-side profile of the chosen file; rows and cells the server
 * reported as invalid are highlighted (`highlight`: line → bad columns).
 */
export function ProfileView({ profile, highlight, lang }: { profile: FileProfile; highlight: Map<number, Set<string>>; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="profile-heading" data-testid="profile">
      <h2 id="profile-heading" className="chart-title">{t('upload.previewTitle', { file: profile.fileName })}</h2>
      <p className="count">
        {t('upload.previewCount', { rows: formatInteger(profile.rows, lang), columns: profile.columns.length })}
        {profile.partial && ` ${t('upload.previewPartial')}`}
        {profile.hiddenEmpty > 0 && ` ${t('upload.previewHiddenEmpty', { count: profile.hiddenEmpty })}`}
      </p>
      <div className="table-wrap">
        <table className="data-table" data-testid="profile-head">
          <caption>{t('upload.firstRows')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('upload.line')}</th>
              {profile.columns.map((c) => (
                <th key={c.name} scope="col">
                  {c.name} <span className="count">({c.type})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {profile.head.map((row, i) => {
              const line = profile.firstDataLine + i;
              const bad = highlight.get(line);
              return (
                <tr key={i} data-line={line} className={bad ? 'row-invalid' : undefined} aria-invalid={bad ? true : undefined}>
                  <td className="num">{line}</td>
                  {profile.columns.map((c) => (
                    <td key={c.name} className={bad?.has(c.name) ? 'cell-invalid' : undefined}>{row[c.name] ?? ''}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="profile-grid">
        {profile.counts.map((c) => (
          <table key={c.column} className="data-table compact">
            <caption>{t('upload.valueCounts', { column: c.column })}</caption>
            <tbody>
              {c.values.map((v) => (
                <tr key={v.value}>
                  <td>{v.value || '∅'}</td>
                  <td className="num">{formatInteger(v.count, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        {profile.sums.map((s) => (
          <table key={s.by} className="data-table compact" data-testid={`sum-by-${s.by}`}>
            <caption>{t('upload.sumBy', { measure: s.measure, by: s.by })}</caption>
            <tbody>
              {s.rows.map((r) => (
                <tr key={r.key}>
                  <td>{r.key || '∅'}</td>
                  <td className="num">{Number.isInteger(r.sum) ? formatInteger(r.sum, lang) : formatDecimal(r.sum, lang, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
