import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATORS } from '@lmo/models/codes';
import { OBSERVATION_STATUSES } from '@lmo/models/data';
import type { Lang } from '../../i18n/format';
import { codeMapToLines, linesToCodeMap, mappingText, parseMapping, periodRange, type WideFileShape, type WizardMapping } from './wide-wizard-model';

const FIXED = '';

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
        <p className="note" role="status">{t('upload.wizard.badJson')}</p>
      </section>
    );
  }
  const set = (patch: Partial<WizardMapping>) => onChange(mappingText({ ...m, ...patch }));
  const periods = shape.periodColumns;
  const from = m.periodColumns?.[0] ?? periods[0] ?? '';
  const to = m.periodColumns?.[m.periodColumns.length - 1] ?? periods[periods.length - 1] ?? '';
  const s = shape.suggestion;
  const f = (name: string) => `${id}-${name}`;

  return (
    <section className="card wizard" aria-labelledby={f('title')} data-testid="wide-wizard">
      <h2 id={f('title')} className="chart-title">{t('upload.wizard.title')}</h2>
      <p className="count">{t('upload.wizard.lead')}</p>
      <ul className="wizard-notes" data-testid="wizard-notes">
        {s.seriesCode && <li>{t(shape.international ? 'upload.wizard.noteInternational' : 'upload.wizard.noteSeries', { code: s.seriesCode })}</li>}
        {s.regionValues && s.regionValues.mapped > 0 && (
          <li>{t('upload.wizard.noteCodeMap', { mapped: s.regionValues.mapped, skipped: s.regionValues.skipped, examples: s.regionValues.skippedExamples.join(', ') || '–' })}</li>
        )}
        {s.regionValues && s.regionValues.mapped === 0 && <li>{t('upload.wizard.noteNoArea', { column: s.regionColumn })}</li>}
        {!s.regionColumn && <li>{t('upload.wizard.noteNoRegion')}</li>}
        {!m.indicator && <li>{t('upload.wizard.noteIndicator')}</li>}
        {!m.status && <li>{t('upload.wizard.noteStatus')}</li>}
      </ul>
      <div className="wizard-grid">
        <div className="field">
          <label htmlFor={f('region')}>{t('upload.wizard.regionColumn')}</label>
          <select id={f('region')} value={m.regionColumn ?? FIXED}
            onChange={(e) => set(e.target.value === FIXED ? { regionColumn: undefined, region: m.region ?? 'VN', codeMap: undefined } : { regionColumn: e.target.value, region: undefined })}>
            {shape.otherColumns.map((c) => <option key={c} value={c}>{c}</option>)}
            <option value={FIXED}>{t('upload.wizard.fixedRegion')}</option>
          </select>
        </div>
        {!m.regionColumn && (
          <div className="field">
            <label htmlFor={f('fixed')}>{t('upload.wizard.region')}</label>
            <input id={f('fixed')} value={m.region ?? ''} onChange={(e) => set({ region: e.target.value })} />
          </div>
        )}
        <div className="field">
          <label htmlFor={f('from')}>{t('upload.wizard.periodFrom')}</label>
          <select id={f('from')} value={from} onChange={(e) => set({ periodColumns: periodRange(periods, e.target.value, to) })}>
            {periods.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('to')}>{t('upload.wizard.periodTo')}</label>
          <select id={f('to')} value={to} onChange={(e) => set({ periodColumns: periodRange(periods, from, e.target.value) })}>
            {periods.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('indicator')}>{t('upload.wizard.indicator')}</label>
          <select id={f('indicator')} value={m.indicator ?? ''} onChange={(e) => set({ indicator: e.target.value || undefined, unit: undefined })}>
            <option value="">{t('upload.wizard.choose')}</option>
            {INDICATORS.map((i) => <option key={i.code} value={i.code}>{i[lang]} ({i.code})</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('unit')}>{t('upload.wizard.unit')}</label>
          <select id={f('unit')} value={m.unit ?? ''} onChange={(e) => set({ unit: (e.target.value || undefined) as WizardMapping['unit'] })}>
            <option value="">{t('upload.wizard.unitOfIndicator')}</option>
            <option value="persons">{t('units.persons')}</option>
            <option value="percent">{t('units.percent')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('scale')}>{t('upload.wizard.scale')}</label>
          <input id={f('scale')} type="number" min="0" step="any" value={m.scale ?? 1}
            onChange={(e) => set({ scale: Number(e.target.value) > 0 && Number(e.target.value) !== 1 ? Number(e.target.value) : undefined })} />
        </div>
        <div className="field">
          <label htmlFor={f('status')}>{t('upload.wizard.status')}</label>
          <select id={f('status')} value={m.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as WizardMapping['status'] })}>
            <option value="">{t('upload.wizard.choose')}</option>
            {OBSERVATION_STATUSES.map((st) => <option key={st} value={st}>{t(`status.${st}`)}</option>)}
          </select>
          {m.status && <p className="count">{t(`status.${m.status}Hint`)}</p>}
        </div>
        <div className="field wizard-wide">
          <label htmlFor={f('source')}>{t('upload.wizard.source')}</label>
          <input id={f('source')} value={m.source ?? ''} maxLength={500} onChange={(e) => set({ source: e.target.value })} />
        </div>
        {m.regionColumn && (
          <div className="field wizard-wide">
            <label htmlFor={f('codes')}>{t('upload.wizard.codeMap')}</label>
            <textarea id={f('codes')} rows={3} spellCheck={false} defaultValue={codeMapToLines(m.codeMap)} key={codeMapToLines(m.codeMap)}
              onBlur={(e) => set({ codeMap: linesToCodeMap(e.target.value) })} />
            <p className="count">{t('upload.wizard.codeMapHint')}</p>
          </div>
        )}
      </div>
    </section>
  );
}
