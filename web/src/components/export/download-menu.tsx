import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from './download';
import './download-menu.css';

const ITEM_KEY: Record<ExportFormat, { label: string; aria: string }> = {
  xlsx: { label: 'export.xlsx', aria: 'export.downloadXlsx' },
  'csv-vi': { label: 'export.csvVi', aria: 'export.downloadCsvVi' },
  'csv-intl': { label: 'export.csvIntl', aria: 'export.downloadCsvIntl' },
};

/**
 * "Download data" menu: Excel (.xlsx), CSV for Excel with Vietnamese regional settings (`;` and a
 * decimal comma) and international CSV. A disclosure button with a list of buttons; Escape or a
 * click elsewhere closes it.
 */
export function DownloadMenu({
  title,
  disabled = false,
  onSelect,
}: {
  title: string;
  disabled?: boolean;
  onSelect: (format: ExportFormat) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const choose = async (format: ExportFormat) => {
    setBusy(true);
    try {
      await onSelect(format);
    } finally {
      setBusy(false);
      setOpen(false);
      toggle.current?.focus();
    }
  };

  return (
    <div
      className="download-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={id}
        disabled={disabled}
        aria-label={`${t('export.menu')}: ${title}`}
        onClick={() => setOpen((v) => !v)}
        data-download-menu
      >
        {t('export.menu')} <span aria-hidden="true">▾</span>
      </button>
      {open && !disabled && (
        <ul id={id} className="download-menu-list">
          {EXPORT_FORMATS.map((f) => (
            <li key={f}>
              <button
                type="button"
                className="download-menu-item"
                disabled={busy}
                aria-label={`${t(ITEM_KEY[f].aria)}: ${title}`}
                data-format={f}
                onClick={() => void choose(f)}
              >
                {t(ITEM_KEY[f].label)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
