import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_FORMATS, type UploadFormat } from '@lmo/models/data';
import { MAPPED_FORMATS } from './upload-request';
import type { UploadFlowState } from './use-upload-flow';
import { Field, Select } from '../../components/controls';

const FORMAT_LABEL: Record<UploadFormat, string> = {
  long: 'upload.formatLong',
  wide: 'upload.formatWide',
  microdata: 'upload.formatMicrodata',
  sdmx: 'upload.formatSdmx',
  pxweb: 'upload.formatPxweb',
};

const MAPPING_PLACEHOLDER: Partial<Record<UploadFormat, string>> = {
  wide: '{ "regionColumn": "Country Code", "indicator": "labour_force", … }',
  sdmx: '{ "codes": { "UNE_TUNE_SEX_AGE_NB": { "indicator": "unemployed", "unit": "persons" } }, "status": "international", "source": "ILO, ILOSTAT SDMX-CSV 2025-01" }',
  pxweb:
    '{ "indicator": "labour_force", "unit": "persons", "scale": 1000, "source": "GSO PX-Web …", "status": "official", "labels": { "WHOLE COUNTRY": "VN" } }',
};

/** The mapping field: under the wizard (a wide file it could read) a collapsed JSON view, else a plain text area. */
function MappingField({ flow, id }: { flow: UploadFlowState; id: string }) {
  const { t } = useTranslation();
  const { format, mapping, setMapping, wide } = flow;
  if (!MAPPED_FORMATS.includes(format)) return null;
  return format === 'wide' && wide ? (
    <details className="field">
      <summary>{t('upload.wizard.json')}</summary>
      <label htmlFor={id}>{t('upload.mapping')}</label>
      <textarea id={id} rows={12} value={mapping} onChange={(e) => setMapping(e.target.value)} spellCheck={false} />
    </details>
  ) : (
    <Field id={id} label={t(format === 'sdmx' ? 'upload.mappingOptional' : 'upload.mapping')}>
      <textarea id={id} rows={6} value={mapping} onChange={(e) => setMapping(e.target.value)} spellCheck={false} placeholder={MAPPING_PLACEHOLDER[format]} />
    </Field>
  );
}

/** Where the file goes: a file input inside a drop zone. */
function DropZone({ flow, id }: { flow: UploadFlowState; id: string }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void flow.choose(e.dataTransfer.files[0]);
      }}
    >
      <label htmlFor={id}>{t('upload.choose')}</label>
      <input
        id={id}
        type="file"
        accept={flow.format === 'sdmx' ? '.xml,.csv,application/xml,text/xml,text/csv' : '.csv,text/csv'}
        onChange={(e) => void flow.choose(e.target.files?.[0])}
      />
      <p className="count">{t('upload.dropHint')}</p>
    </div>
  );
}

/** The upload form: format (with help for GSO formats), mapping, survey period, and the file. */
export function UploadForm({ flow }: { flow: UploadFlowState }) {
  const { t } = useTranslation();
  const ids = { file: useId(), format: useId(), mapping: useId(), period: useId() };
  const { format, wide } = flow;
  const pick = (value: string) => {
    const next = UPLOAD_FORMATS.find((f) => f === value);
    if (next) void flow.changeFormat(next);
  };
  return (
    <div className="card upload-form">
      <Select
        id={ids.format}
        label={t('upload.format')}
        value={format}
        onChange={pick}
        options={UPLOAD_FORMATS.map((f) => ({ value: f, label: t(FORMAT_LABEL[f]) }))}
      />
      {format === 'sdmx' && (
        <p className="count" data-testid="format-help">
          {t('upload.helpSdmx')}
        </p>
      )}
      {format === 'pxweb' && (
        <p className="count" data-testid="format-help">
          {t('upload.helpPxweb')}
        </p>
      )}
      {flow.switched && (
        <p className="note" role="status" data-testid="switched-wide">
          {t('upload.wizard.switched')}
        </p>
      )}
      {format === 'wide' && !wide && <p className="count">{t('upload.wizard.hint')}</p>}
      <MappingField flow={flow} id={ids.mapping} />
      {format === 'microdata' && (
        <Field id={ids.period} label={t('upload.period')}>
          <input id={ids.period} value={flow.period} onChange={(e) => flow.setPeriod(e.target.value)} inputMode="numeric" />
        </Field>
      )}
      <DropZone flow={flow} id={ids.file} />
      <p className="count">{t('upload.formats')}</p>
    </div>
  );
}
