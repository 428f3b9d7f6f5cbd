/**
 * SDMX-CSV reader (ILO and other publishers): a header with dimension
 * columns (REF_AREA, INDICATOR, SEX, AGE, …), TIME_PERIOD, OBS_VALUE and
 * optional attributes (UNIT_MULT, OBS_STATUS, …). Rows sharing every
 * series-level column form one series. Labelled exports (`REF_AREA: Reference area`,
 * `VNM: Viet Nam`) are reduced to their IDs.
 */
import Papa from 'papaparse';
import type { LongIssue } from './csv-sniff';
import { detectDelimiter } from './csv-sniff';
import { sdmxPeriod, sdmxValue } from './sdmx-period';
import type { SdmxMessage, SdmxSeries } from './sdmx-types';

/** Observation-level columns: not part of the series key. */
const OBS_LEVEL = /^(TIME_PERIOD|OBS_VALUE|OBS_STATUS|OBS_FLAG|OBS_CONF|OBS_PRE_BREAK_VALUE|COMMENT_OBS|NOTE_.*|DECIMALS|TIME_FORMAT)$/;

const id = (s: string) => {
  const t = s.trim();
  const i = t.indexOf(': ');
  return i > 0 ? t.slice(0, i) : t;
};

export function parseSdmxCsv(text: string): SdmxMessage {
  const errors: LongIssue[] = [];
  const series: SdmxSeries[] = [];
  if (text.trim() === '') {
    return { series, errors: [{ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: 'The file is empty.', messageVi: 'Tệp rỗng.' }] };
  }
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  const recs = parsed.data;
  // Physical line of each record (quoted fields may hold newlines).
  const lines: number[] = [];
  let line = 1;
  for (const r of recs) {
    lines.push(line);
    line += 1 + r.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  }
  for (const e of parsed.errors) {
    const at = e.row !== undefined && e.row < lines.length ? lines[e.row] : 1;
    errors.push({ line: at, column: null, value: '', code: 'CSV_SYNTAX', message: `CSV syntax: ${e.message}.`, messageVi: `Lỗi cú pháp CSV: ${e.message}.` });
  }
  const header = (recs[0] ?? []).map((h) => id(h).toUpperCase());
  const tp = header.indexOf('TIME_PERIOD');
  const ov = header.indexOf('OBS_VALUE');
  if (tp < 0 || ov < 0) {
    errors.push({
      line: 1,
      column: null,
      value: recs[0]?.join(',') ?? '',
      code: 'BAD_HEADER',
      message: 'SDMX-CSV needs TIME_PERIOD and OBS_VALUE columns (and dimension columns such as REF_AREA, INDICATOR).',
      messageVi: 'SDMX-CSV cần các cột TIME_PERIOD và OBS_VALUE (và các cột chiều như REF_AREA, INDICATOR).',
    });
    return { series, errors };
  }
  const keyCols = header.map((h, i) => (OBS_LEVEL.test(h) ? -1 : i)).filter((i) => i >= 0);
  const byKey = new Map<string, SdmxSeries>();
  for (let r = 1; r < recs.length; r++) {
    const rec = recs[r];
    if (rec.length === 1 && rec[0].trim() === '') continue;
    const at = lines[r];
    if (rec.length !== header.length) {
      errors.push({
        line: at,
        column: null,
        value: rec.join(','),
        code: 'FIELD_COUNT',
        message: `Line has ${rec.length} fields but the header has ${header.length}.`,
        messageVi: `Dòng có ${rec.length} trường nhưng tiêu đề có ${header.length}.`,
      });
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const i of keyCols) attrs[header[i]] = id(rec[i]);
    const key = keyCols.map((i) => attrs[header[i]]).join('\u0000');
    let s = byKey.get(key);
    if (!s) {
      s = { attrs, line: at, obs: [] };
      byKey.set(key, s);
      series.push(s);
    }
    const where = `Series ${attrs.INDICATOR ?? keyCols.map((i) => attrs[header[i]]).join('.')}`;
    const p = sdmxPeriod(rec[tp]);
    if (!p.ok) {
      errors.push({
        line: at,
        column: 'TIME_PERIOD',
        value: rec[tp],
        code: 'BAD_PERIOD',
        message: `${where}: ${p.message}`,
        messageVi: `${where}: ${p.messageVi}`,
      });
      continue;
    }
    const raw = rec[ov];
    const v = sdmxValue(raw);
    if (!v.ok) {
      errors.push({
        line: at,
        column: 'OBS_VALUE',
        value: raw,
        code: 'NOT_A_NUMBER',
        message: `${where} ${p.value}: ${v.message}`,
        messageVi: `${where} ${p.value}: ${v.messageVi}`,
      });
      continue;
    }
    s.obs.push(v.flag ? { period: p.value, value: v.value, raw, flag: v.flag, line: at } : { period: p.value, value: v.value, raw, line: at });
  }
  return { series, errors };
}
