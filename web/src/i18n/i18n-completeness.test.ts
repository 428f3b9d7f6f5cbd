import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import vi from './vi.json';
import en from './en.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Flattens nested keys (`a.b.c`); plural suffixes are folded because languages have different plural forms. */
function keys(obj: unknown, prefix = ''): string[] {
  if (Array.isArray(obj) || typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const norm = (list: string[]) => [...new Set(list.map((k) => k.replace(PLURAL, '')))].sort();

function values(obj: unknown): string[] {
  if (typeof obj === 'string') return [obj];
  if (Array.isArray(obj)) return obj.flatMap(values);
  if (obj && typeof obj === 'object') return Object.values(obj).flatMap(values);
  return [];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const srcDir = join(__dirname, '..');
const viKeys = norm(keys(vi));
const enKeys = norm(keys(en));

describe('i18n completeness', () => {
  it('Vietnamese and English have exactly the same keys', () => {
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('has no empty translations', () => {
    expect(values(vi).filter((v) => v.trim() === '')).toEqual([]);
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('defines every literal key used in the code, in both languages', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !viKeys.includes(k) || !enKeys.includes(k));
    expect(missing).toEqual([]);
  });

  it('defines every key family built from a template (nav.${page}, flag.${flag}, …)', () => {
    const prefixes = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\$\{/g)) prefixes.add(m[1]);
    }
    expect(prefixes.size).toBeGreaterThan(3);
    for (const prefix of prefixes) {
      expect(
        viKeys.some((k) => k.startsWith(prefix)),
        prefix,
      ).toBe(true);
      expect(
        enKeys.some((k) => k.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('has a name for every page, flag, status and confidence level', () => {
    const required = [
      ...['overview', 'regions', 'sectors', 'new-fields', 'training', 'methodology', 'upload'].map((p) => `nav.${p}`),
      ...['shortage', 'balanced', 'surplus'].map((f) => `flag.${f}`),
      ...['official', 'modelled', 'survey'].map((s) => `status.${s}`),
      ...['high', 'medium', 'low'].map((c) => `confidence.${c}`),
      ...['labour_force', 'employment', 'trained_share_certified', 'trained_share_broad', 'unemployment_rate'].flatMap((k) => [
        `kpi.${k}.title`,
        `kpi.${k}.definition`,
      ]),
    ];
    expect(required.filter((k) => !viKeys.includes(k))).toEqual([]);
    expect(required.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('labels the five statuses with the agreed, distinct words', () => {
    const agreed = {
      official: ['Số liệu chính thức', 'Official statistic'],
      international: ['Ước tính quốc tế', 'International estimate'],
      modelled: ['Kết quả mô hình', 'Model output'],
      survey: ['Ước lượng từ khảo sát', 'Survey estimate'],
      illustrative: ['Số liệu minh hoạ', 'Illustrative (generated)'],
    } as const;
    for (const [status, [viWord, enWord]] of Object.entries(agreed)) {
      expect(vi.status[status as keyof typeof agreed]).toBe(viWord);
      expect(en.status[status as keyof typeof agreed]).toBe(enWord);
    }
    expect(en.status.illustrativeHint.toLowerCase()).toContain('generated demonstration values where no real data exist; not evidence');
  });
  it('never calls generated values a model estimate', () => {
    for (const text of values(vi)) expect(text).not.toMatch(/ước tính mô hình/i);
    for (const text of values(en)) expect(text).not.toMatch(/model(led)? estimate/i);
  });
});
