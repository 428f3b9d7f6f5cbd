import { useId, type ReactNode } from 'react';
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
        <Field id={f('region')} label={t('upload.wizard.regionColumn')}>
          <select
            id={f('region')}
            value={m.regionColumn ?? FIXED}
            onChange={(e) =>
              set(
                e.target.value === FIXED
                  ? { regionColumn: undefined, region: m.region ?? 'VN', codeMap: undefined }
                  : { regionColumn: e.target.value, region: undefined },
              )
            }
          >
            <Options values={shape.otherColumns} />
            <option value={FIXED}>{t('upload.wizard.fixedRegion')}</option>
          </select>
        </Field>
        {!m.regionColumn && (
          <Field id={f('fixed')} label={t('upload.wizard.region')}>
            <input id={f('fixed')} value={m.region ?? ''} onChange={(e) => set({ region: e.target.value })} />
          </Field>
        )}
        <Field id={f('from')} label={t('upload.wizard.periodFrom')}>
          <select id={f('from')} value={from} onChange={(e) => set({ periodColumns: periodRange(periods, e.target.value, to) })}>
            <Options values={periods} />
          </select>
        </Field>
        <Field id={f('to')} label={t('upload.wizard.periodTo')}>
          <select id={f('to')} value={to} onChange={(e) => set({ periodColumns: periodRange(periods, from, e.target.value) })}>
            <Options values={periods} />
          </select>
        </Field>
        <Field id={f('indicator')} label={t('upload.wizard.indicator')}>
          <select id={f('indicator')} value={m.indicator ?? ''} onChange={(e) => set({ indicator: e.target.value || undefined, unit: undefined })}>
            <option value="">{t('upload.wizard.choose')}</option>
            {INDICATORS.map((i) => (
              <option key={i.code} value={i.code}>
                {i[lang]} ({i.code})
              </option>
            ))}
          </select>
        </Field>
        <Field id={f('unit')} label={t('upload.wizard.unit')}>
          <select id={f('unit')} value={m.unit ?? ''} onChange={(e) => set({ unit: (e.target.value || undefined) as WizardMapping['unit'] })}>
            <option value="">{t('upload.wizard.unitOfIndicator')}</option>
            <option value="persons">{t('units.persons')}</option>
            <option value="percent">{t('units.percent')}</option>
          </select>
        </Field>
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
        <Field id={f('status')} label={t('upload.wizard.status')}>
          <select id={f('status')} value={m.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as WizardMapping['status'] })}>
            <option value="">{t('upload.wizard.choose')}</option>
            {OBSERVATION_STATUSES.map((st) => (
              <option key={st} value={st}>
                {t(`status.${st}`)}
              </option>
            ))}
          </select>
          {m.status && <p className="count">{t(`status.${m.status}Hint`)}</p>}
        </Field>
        <Field id={f('source')} label={t('upload.wizard.source')} wide>
          <input id={f('source')} value={m.source ?? ''} maxLength={500} onChange={(e) => set({ source: e.target.value })} />
        </Field>
        {m.regionColumn && (
          <Field id={f('codes')} label={t('upload.wizard.codeMap')} wide>
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

/** One labelled form field of the wizard (`wide`: spans the grid). */
function Field({ id, label, wide, children }: { id: string; label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'field wizard-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** `<option>`s whose value is their text (column names, periods). */
function Options({ values }: { values: readonly string[] }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {v}
    </option>
  ));
}
