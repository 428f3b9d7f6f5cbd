import { describe, expect, it } from 'vitest';
import { resolveFormerCode } from './former-codes';

const meta = {
  regions: [
    { code: 'VN', nameVi: 'Toàn quốc', nameEn: 'Viet Nam', level: 'country' },
    { code: '24', nameVi: 'Bắc Ninh', nameEn: 'Bac Ninh', level: 'province' },
    { code: '79', nameVi: 'TP Hồ Chí Minh', nameEn: 'Ho Chi Minh City', level: 'province' },
  ],
  formerProvinces: [
    { code: '24', nameVi: 'Bắc Giang', nameEn: 'Bac Giang', current: '24', formerRegion: 'NMM' },
    { code: '27', nameVi: 'Bắc Ninh', nameEn: 'Bac Ninh', current: '24', formerRegion: 'RRD' },
    { code: '74', nameVi: 'Bình Dương', nameEn: 'Binh Duong', current: '79', formerRegion: 'SE' },
  ],
} as never;

describe('resolveFormerCode', () => {
  it('sends a former province code to the unit it is now part of', () => {
    expect(resolveFormerCode(meta, '27', 'vi')).toEqual({ code: '27', formerName: 'Bắc Ninh', current: '24', currentName: 'Bắc Ninh' });
    expect(resolveFormerCode(meta, '74', 'en')).toEqual({ code: '74', formerName: 'Binh Duong', current: '79', currentName: 'Ho Chi Minh City' });
  });
  it('leaves current codes, unknown codes and an unloaded list alone', () => {
    expect(resolveFormerCode(meta, '24', 'vi')).toBeUndefined();
    expect(resolveFormerCode(meta, 'VN', 'vi')).toBeUndefined();
    expect(resolveFormerCode(meta, '99', 'vi')).toBeUndefined();
    expect(resolveFormerCode(undefined, '27', 'vi')).toBeUndefined();
  });
});
