/**
 * SDMX readers: SDMX-ML 2.1 structure-specific messages (GSO's NSDP files:
 * `<Series INDICATOR=… FREQ=… UNIT_MULT=… REF_AREA=…><Obs TIME_PERIOD=… OBS_VALUE=…/>`),
 * read with a streaming XML parser (saxes) so a malformed file is reported
 * at its line and column, never guessed at; and SDMX-CSV (ILO and others)
 * when the text does not start with `<`.
 *
 * Pure: text in, `SdmxMessage` out. `sdmxToLong` turns it into observations.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { LongIssue } from './csv-sniff';
import { sdmxPeriod, sdmxValue } from './sdmx-period';
import { parseSdmxCsv } from './sdmx-csv';
import type { SdmxMessage, SdmxSeries } from './sdmx-types';

export type { SdmxCode, SdmxMessage, SdmxObs, SdmxSeries } from './sdmx-types';
export { sdmxPeriod, sdmxValue } from './sdmx-period';
export { GSO_NSDP_CODES } from './sdmx-codes';
export { annualMeans, sdmxSeriesKey, sdmxToLong, type SdmxToLongOptions } from './sdmx-long';

const local = (name: string) => name.slice(name.indexOf(':') + 1);

class Stop extends Error {}

/** Parse SDMX-ML (text starting with `<`, after a BOM and blanks) or SDMX-CSV. */
export function parseSdmx(text: string): SdmxMessage {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trimStart().startsWith('<')) return parseSdmxCsv(body);

  const series: SdmxSeries[] = [];
  const errors: LongIssue[] = [];
  let current: SdmxSeries | null = null;
  let inPrepared = false;
  let prepared: string | undefined;
  let sawRoot = false;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const issue = (code: string, column: string | null, value: string, message: string, messageVi: string) => {
    errors.push({ line: parser.line, column, value, code, message, messageVi });
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    sawRoot = true;
    const name = local(tag.name);
    if (name === 'Series') {
      current = { attrs: { ...tag.attributes }, line: parser.line, obs: [] };
    } else if (name === 'Obs') {
      const a = tag.attributes;
      const where = `Series ${current?.attrs.INDICATOR ?? '?'}`;
      if (!current)
        return issue(
          'OBS_OUTSIDE_SERIES',
          'Obs',
          a.TIME_PERIOD ?? '',
          'An <Obs> outside any <Series> was ignored.',
          'Một <Obs> nằm ngoài <Series> đã bị bỏ qua.',
        );
      const rawPeriod = a.TIME_PERIOD ?? '';
      const p = sdmxPeriod(rawPeriod);
      if (!p.ok) return issue('BAD_PERIOD', 'TIME_PERIOD', rawPeriod, `${where}: ${p.message}`, `${where}: ${p.messageVi}`);
      const raw = a.OBS_VALUE ?? '';
      const v = sdmxValue(raw);
      if (!v.ok) return issue('NOT_A_NUMBER', 'OBS_VALUE', raw, `${where} ${p.value}: ${v.message}`, `${where} ${p.value}: ${v.messageVi}`);
      current.obs.push(
        v.flag ? { period: p.value, value: v.value, raw, flag: v.flag, line: parser.line } : { period: p.value, value: v.value, raw, line: parser.line },
      );
    } else if (name === 'Prepared') {
      inPrepared = true;
    }
  });
  parser.on('text', (t) => {
    if (inPrepared) prepared = (prepared ?? '') + t;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 'Series' && current) {
      series.push(current);
      current = null;
    } else if (name === 'Prepared') inPrepared = false;
  });
  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; the issue carries them separately.
    const reason = err.message.replace(/^[^:]*:?\d+:\d+:\s*/, '');
    const col = parser.column + 1;
    errors.push({
      line: parser.line,
      column: String(col),
      value: '',
      code: 'BAD_XML',
      message: `The XML is malformed at line ${parser.line}, column ${col}: ${reason}. The file may be truncated or not SDMX-ML.`,
      messageVi: `XML bị lỗi ở dòng ${parser.line}, cột ${col}: ${reason}. Tệp có thể bị cắt cụt hoặc không phải SDMX-ML.`,
    });
    throw new Stop();
  });
  try {
    parser.write(body).close();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  if (!sawRoot && errors.length === 0) {
    errors.push({ line: 1, column: null, value: '', code: 'BAD_XML', message: 'The XML has no elements.', messageVi: 'Tệp XML không có phần tử nào.' });
  }
  return prepared === undefined ? { series, errors } : { series, prepared: prepared.trim(), errors };
}
