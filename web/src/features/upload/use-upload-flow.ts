import { useState } from 'react';
import { highlightedLines, toReportRows } from './to-report-rows';
import { looksLikeXml } from './profile-columns';
import { useFileChecks } from './use-file-checks';
import { useUpload } from './use-upload';
import type { UploadFormat } from '@lmo/models/data';
import { MAPPED_FORMATS, officialConflicts, uploadProblem, type UploadFields } from './upload-request';
import { looksWide, mappingText, suggestFromText, type WideFileShape } from './wide-wizard-model';
import type { Lang } from '../../i18n/format';

// The suggestion reads the start of the file only.
const SUGGEST_BYTES = 4 * 1024 * 1024;

/** The wizard's suggestion for `f` read as wide: null when the file has no period columns. */
const suggest = async (f: File) => suggestFromText(await f.slice(0, SUGGEST_BYTES).text(), f.name);
type Suggestion = NonNullable<Awaited<ReturnType<typeof suggest>>>;

/**
 * The upload page's state: the chosen file and format, the mapping (suggested for wide files),
 * the survey period, the dry-run check and the upload, and what their answers say (the report's
 * rows, the lines to highlight, official cells to confirm).
 */
export function useUploadFlow(lang: Lang) {
  const [format, setFormat] = useState<UploadFormat>('long');
  const [mapping, setMapping] = useState('');
  const [period, setPeriod] = useState(() => String(new Date().getFullYear() - 1));
  const [file, setFile] = useState<File | null>(null);
  const [xml, setXml] = useState(false);
  const check = useUpload();
  const commit = useUpload();
  const [wide, setWide] = useState<WideFileShape | null>(null);
  const [suggested, setSuggested] = useState('');
  const [switched, setSwitched] = useState(false);

  const fields = (dryRun: boolean, replaceOfficial = false): UploadFields => ({
    format,
    mapping: MAPPED_FORMATS.includes(format) ? mapping : undefined,
    period: format === 'microdata' ? period : undefined,
    dryRun,
    replaceOfficial,
  });

  /** Takes a suggestion unless the analyst typed a mapping of their own before any suggestion (edits in the wizard belong to the previous file). */
  const adopt = (s: Suggestion) => {
    setWide(s.shape);
    if (mapping.trim() === '' || mapping === suggested || wide !== null) {
      const text = mappingText(s.mapping);
      setMapping(text);
      setSuggested(text);
    }
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    check.reset();
    commit.reset();
    setSwitched(false);
    // SDMX-ML is XML: the CSV profile cannot read it, so say so instead of showing a broken preview.
    const isXml = looksLikeXml(await f.slice(0, 512).text());
    setXml(isXml);
    setWide(null);
    if (!isXml && (format === 'wide' || format === 'long')) {
      const s = await suggest(f);
      // Years as columns under the long format: the file is wide, so say so and switch.
      if (s && format === 'long' && looksWide(s.shape)) {
        setFormat('wide');
        setSwitched(true);
      }
      if (s && (format === 'wide' || looksWide(s.shape))) adopt(s);
    }
    setFile(f);
  };

  const changeFormat = async (next: UploadFormat) => {
    setFormat(next);
    setSwitched(false);
    if (next === 'wide' && file && !xml && !wide) {
      const s = await suggest(file);
      if (s) adopt(s);
    }
  };

  const { profile, profileError } = useFileChecks({ file, format, mapping, period, xml, check, commit, fields });

  // A 409 from the check (or from the upload, if official data arrived meanwhile) lists official cells to confirm.
  const conflicts = officialConflicts(uploadProblem(commit.error)) ?? officialConflicts(uploadProblem(check.error));
  const problem = conflicts ? null : uploadProblem(check.error);
  const issues = problem?.errors ?? [];
  return {
    format,
    changeFormat,
    mapping,
    setMapping,
    period,
    setPeriod,
    file,
    xml,
    wide,
    switched,
    choose,
    fields,
    check,
    commit,
    profile,
    profileError,
    conflicts,
    problem,
    issues,
    reportRows: toReportRows(issues, lang),
    highlight: highlightedLines(issues),
    valid: check.data?.status === 'validated' || check.data?.status === 'duplicate',
  };
}

/** What useUploadFlow gives the page's parts. */
export type UploadFlowState = ReturnType<typeof useUploadFlow>;
