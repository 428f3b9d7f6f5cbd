import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATORS } from '@lmo/models/codes';
import { OBSERVATION_STATUSES } from '@lmo/models/data';
import { Field, Select } from '../../components/controls';
import type { Lang } from '../../i18n/format';
import { codeMapToLines, linesToCodeMap, mappingText, parseMapping, periodRange, type WideFileShape, type WizardMapping } from './wide-wizard-model';

const FIXED = '';
/** The units a mapping may force; empty = the indicator's own unit. */
const UNITS = ['persons', 'percent'] as const;

/**
 * The wide-file wizard: the mapping suggested from the file, as a form. Every
 * change rewrites the mapping JSON (`onChange`), which the page re-checks on
 * the server (dry run) without the file being picked again.
 */
export function WideWizard({ shape, text, onChange, lang }: { shape: WideFileShape; text: string; onChange: (text: string) => void; lang: Lang }) {
  const { t } = useTranslation();
  const id = useId();
  const m = parseMapping(text);
  if (!m) {
    return (
      <section className="card wizard" data-testid="wide-wizard">
        <h2 className="chart-title">{t('upload.wizard.title')}</h2>
        <p className="note" role="status">
          {t('upload.wizard.badJson')}
        </p>
      </section>
    );
  }
  const set = (patch: Partial<WizardMapping>) => onChange(mappingText({ ...m, ...patch }));
  const periods = shape.periodColumns;
  const from = m.periodColumns?.[0] ?? periods[0] ?? '';
  const to = m.periodColumns?.[m.periodColumns.length - 1] ?? periods[periods.length - 1] ?? '';
  const f = (name: string) => `${id}-${name}`;

  return (
    <section className="card wizard" aria-labelledby={f('title')} data-testid="wide-wizard">
      <h2 id={f('title')} className="chart-title">
        {t('upload.wizard.title')}
      </h2>
      <p className="count">{t('upload.wizard.lead')}</p>
      <WizardNotes shape={shape} m={m} />
      <div className="wizard-grid">
        <Select
          id={f('region')}
          label={t('upload.wizard.regionColumn')}
          value={m.regionColumn ?? FIXED}
          onChange={(v) =>
            set(v === FIXED ? { regionColumn: undefined, region: m.region ?? 'VN', codeMap: undefined } : { regionColumn: v, region: undefined })
          }
          options={[...asOptions(shape.otherColumns), { value: FIXED, label: t('upload.wizard.fixedRegion') }]}
        />
        {!m.regionColumn && (
          <Field id={f('fixed')} label={t('upload.wizard.region')}>
            <input id={f('fixed')} value={m.region ?? ''} onChange={(e) => set({ region: e.target.value })} />
          </Field>
        )}
        <Select
          id={f('from')}
          label={t('upload.wizard.periodFrom')}
          value={from}
          onChange={(v) => set({ periodColumns: periodRange(periods, v, to) })}
          options={asOptions(periods)}
        />
        <Select
          id={f('to')}
          label={t('upload.wizard.periodTo')}
          value={to}
          onChange={(v) => set({ periodColumns: periodRange(periods, from, v) })}
          options={asOptions(periods)}
        />
        <Select
          id={f('indicator')}
          label={t('upload.wizard.indicator')}
          value={m.indicator ?? ''}
          onChange={(v) => set({ indicator: v || undefined, unit: undefined })}
          options={[{ value: '', label: t('upload.wizard.choose') }, ...INDICATORS.map((i) => ({ value: i.code, label: `${i[lang]} (${i.code})` }))]}
        />
        <Select
          id={f('unit')}
          label={t('upload.wizard.unit')}
          value={m.unit ?? ''}
          onChange={(v) => set({ unit: UNITS.find((u) => u === v) })}
          options={[{ value: '', label: t('upload.wizard.unitOfIndicator') }, ...UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))]}
        />
        <Field id={f('scale')} label={t('upload.wizard.scale')}>
          <input
            id={f('scale')}
            type="number"
            min="0"
            step="any"
            value={m.scale ?? 1}
            onChange={(e) => set({ scale: Number(e.target.value) > 0 && Number(e.target.value) !== 1 ? Number(e.target.value) : undefined })}
          />
        </Field>
        <Select
          id={f('status')}
          label={t('upload.wizard.status')}
          value={m.status ?? ''}
          onChange={(v) => set({ status: OBSERVATION_STATUSES.find((st) => st === v) })}
          options={[{ value: '', label: t('upload.wizard.choose') }, ...OBSERVATION_STATUSES.map((st) => ({ value: st, label: t(`status.${st}`) }))]}
        >
          {m.status && <p className="count">{t(`status.${m.status}Hint`)}</p>}
        </Select>
        <Field id={f('source')} label={t('upload.wizard.source')} className="wizard-wide">
          <input id={f('source')} value={m.source ?? ''} maxLength={500} onChange={(e) => set({ source: e.target.value })} />
        </Field>
        {m.regionColumn && (
          <Field id={f('codes')} label={t('upload.wizard.codeMap')} className="wizard-wide">
            <textarea
              id={f('codes')}
              rows={3}
              spellCheck={false}
              defaultValue={codeMapToLines(m.codeMap)}
              key={codeMapToLines(m.codeMap)}
              onBlur={(e) => set({ codeMap: linesToCodeMap(e.target.value) })}
            />
            <p className="count">{t('upload.wizard.codeMapHint')}</p>
          </Field>
        )}
      </div>
    </section>
  );
}

/** What the suggestion found and what the analyst still has to choose. */
function WizardNotes({ shape, m }: { shape: WideFileShape; m: WizardMapping }) {
  const { t } = useTranslation();
  const s = shape.suggestion;
  return (
    <ul className="wizard-notes" data-testid="wizard-notes">
      {s.seriesCode && <li>{t(shape.international ? 'upload.wizard.noteInternational' : 'upload.wizard.noteSeries', { code: s.seriesCode })}</li>}
      {s.regionValues && s.regionValues.mapped > 0 && (
        <li>
          {t('upload.wizard.noteCodeMap', {
            mapped: s.regionValues.mapped,
            skipped: s.regionValues.skipped,
            examples: s.regionValues.skippedExamples.join(', ') || '–',
          })}
        </li>
      )}
      {s.regionValues && s.regionValues.mapped === 0 && <li>{t('upload.wizard.noteNoArea', { column: s.regionColumn })}</li>}
      {!s.regionColumn && <li>{t('upload.wizard.noteNoRegion')}</li>}
      {!m.indicator && <li>{t('upload.wizard.noteIndicator')}</li>}
      {!m.status && <li>{t('upload.wizard.noteStatus')}</li>}
    </ul>
  );
}

/** Options whose value is their text (column names, periods). */
const asOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
