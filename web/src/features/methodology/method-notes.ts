import type { AssumptionNote } from '../../api/types';
import type { Lang } from '../../i18n/format';

/** One served method note as the methodology page lists it. */
export interface MethodNoteRow {
  id: string;
  /** `system` for the national labour-market system's notes, `outlook` for openings, supply and flags. */
  group: 'system' | 'outlook';
  text: string;
  source: string;
}

/**
 * Reads the outlook's `assumptions.sources` (GET /api/gaps): the national system's method notes
 * (ids `system:…`) first, then the notes on openings, new supply and thresholds, each in the
 * page's language with its source. Duplicated ids are listed once.
 */
export function toMethodNotes(notes: readonly AssumptionNote[] | undefined, lang: Lang): MethodNoteRow[] {
  const seen = new Set<string>();
  const rows: MethodNoteRow[] = [];
  for (const n of notes ?? []) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    rows.push({
      id: n.id,
      group: n.id.startsWith('system:') ? 'system' : 'outlook',
      text: (lang === 'vi' ? n.vi || n.en : n.en || n.vi).trim(),
      source: n.source,
    });
  }
  // Stable: the system's notes (what the numbers rest on) before the notes on flags.
  return [...rows.filter((r) => r.group === 'system'), ...rows.filter((r) => r.group === 'outlook')];
}
