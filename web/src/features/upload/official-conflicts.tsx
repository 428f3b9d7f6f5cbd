import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import type { Lang } from '../../i18n/format';
import { conflictCell, officialColumns } from './upload-columns';
import type { OfficialConflict } from './upload-request';

/**
 * The server's 409: the file would replace official figures with values of
 * another status. Lists every such cell (where it is in the file, the official
 * value and its source, the new value) with a clear warning; storing anyway
 * needs an explicit tick and a second button, which resends with
 * replaceOfficial=true.
 */
export function OfficialConflicts({
  cells,
  count,
  lang,
  pending,
  onConfirm,
}: {
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
      <h2 id="official-heading" className="chart-title">
        {t('upload.officialTitle', { count })}
      </h2>
      <p>{t('upload.officialWarning')}</p>
      <DataTable
        columns={officialColumns(t, lang)}
        rows={cells}
        caption={t('upload.officialCaption')}
        rowKey={(c) => `${conflictCell(c)}|${c.line}`}
        rowProps={(c) => ({ 'data-line': c.line })}
      />
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
