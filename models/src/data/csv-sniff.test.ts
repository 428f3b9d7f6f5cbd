import { describe, expect, it } from 'vitest';
import { checkCsvText, decodeCsvBytes, detectDelimiter, mapHeader } from './csv-sniff';

describe('detectDelimiter', () => {
  it('picks the most frequent of comma, semicolon and tab in the header, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;c\r\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x;y;z;w",b,c')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('mapHeader', () => {
  it('maps names case-, space- and diacritic-insensitively, Vietnamese labels included', () => {
    const m = mapHeader(['INDICATOR', ' Period ', 'Vùng', 'ngành', 'Trình độ', 'giá trị', 'Đơn vị', 'Nguồn', 'Trạng thái']);
    expect(m.errors).toEqual([]);
    expect(m.index).toEqual({ indicator: 0, period: 1, region: 2, sector: 3, qualification: 4, value: 5, unit: 6, source: 7, status: 8 });
  });

  it('reports duplicates and a near miss as errors with column names', () => {
    const m = mapHeader(['indicator', 'period', 'region', 'sector', 'qualifcation', 'value', 'unit', 'source', 'status', 'Region']);
    expect(m.errors.map((e) => e.code).sort()).toEqual(['DUPLICATE_COLUMN', 'UNKNOWN_COLUMN']);
    expect(m.errors.find((e) => e.code === 'UNKNOWN_COLUMN')!.message).toBe('Unknown column `qualifcation` — did you mean `qualification`?');
    expect(m.errors.every((e) => e.line === 1)).toBe(true);
  });
});

describe('encodings', () => {
  it('accepts UTF-8 with and without BOM and strips the BOM', () => {
    const plain = decodeCsvBytes(new TextEncoder().encode('a,b\nHà Nội,1'));
    expect(plain).toEqual({ ok: true, text: 'a,b\nHà Nội,1', bom: false });
    const bom = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b')]));
    expect(bom).toEqual({ ok: true, text: 'a,b', bom: true });
    expect(checkCsvText('\ufeffa,b')).toEqual({ ok: true, text: 'a,b', bom: true });
  });

  it('names UTF-16 and legacy single-byte encodings', () => {
    const r = decodeCsvBytes(new Uint8Array([0xfe, 0xff, 0, 0x61]));
    expect(r.ok === false && r.encoding).toBe('UTF-16 BE');
    const legacy = decodeCsvBytes(new Uint8Array([0x61, 0x0a, 0x48, 0xe0, 0x20]));
    expect(legacy.ok === false && legacy.issue).toMatchObject({ code: 'ENCODING', line: 2 });
    expect(checkCsvText('a\u0000b\u0000c\u0000').ok).toBe(false);
  });
});
