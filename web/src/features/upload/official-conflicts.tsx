import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger, type Lang } from '../../i18n/format';
import type { OfficialConflict } from './upload-request';

/**
 * The server's 409: the file would replace official figures with values of
 * another status. Lists every such cell (where it is in the file, the official
 * value and its source, the new value) with a clear warning; storing anyway
 * needs an explicit tick and a second button, which resends with
 * replaceOfficial=true.
 */
export function OfficialConflicts({ cells, count, lang, pending, onConfirm }: {
  cells: OfficialConflict[];
  count: number;
  lang: Lang;
  pending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [agreed, setAgreed] = useState(false);
  const tickId = useId();
  return (
    <section className="card report official-warning" role="alert" aria-labelledby="official-heading" data-testid="official-conflicts">
      <h2 id="official-heading" className="chart-title">{t('upload.officialTitle', { count })}</h2>
      <p>{t('upload.officialWarning')}</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('upload.line')}</th>
              <th scope="col">{t('upload.column')}</th>
              <th scope="col">{t('upload.officialCell')}</th>
              <th scope="col">{t('upload.officialCurrent')}</th>
              <th scope="col">{t('upload.officialNew')}</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((c) => (
              <tr key={`${c.indicator}|${c.region}|${c.sector}|${c.qualification}|${c.period}`} data-line={c.line}>
                <td className="num">{c.line > 0 ? c.line : '–'}</td>
                <td>{c.column ?? '–'}</td>
                <td>{`${c.indicator} · ${c.region} · ${c.sector} · ${c.qualification} · ${c.period}`}</td>
                <td>
                  <span className="num">{formatInteger(c.current.value, lang)}</span>
                  <br /><small>{c.current.source}</small>
                </td>
                <td>
                  <span className="num">{formatInteger(c.new.value, lang)}</span>
                  <br /><small>{t(`status.${c.new.status}`, { defaultValue: c.new.status })}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {count > cells.length && <p className="count">{t('upload.officialMore', { shown: cells.length, count })}</p>}
      <p className="note">{t('upload.nothingStored')}</p>
      <div className="field">
        <input id={tickId} type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="official-agree" />
        <label htmlFor={tickId}>{t('upload.officialAgree', { count })}</label>
      </div>
      <button type="button" data-testid="confirm-replace-official" disabled={!agreed || pending} onClick={onConfirm}>
        {t('upload.officialConfirm')}
      </button>
    </section>
  );
}
