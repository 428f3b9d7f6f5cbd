import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileFile, type FileProfile } from './profile';
import type { UploadFormat } from '@lmo/models/data';
import type { UploadFields } from './upload-request';
import type { useUpload } from './use-upload';

// Typing in the mapping or period waits this long before the file is checked again.
const RECHECK_DELAY_MS = 400;

type Upload = ReturnType<typeof useUpload>;

/**
 * What follows the chosen file: its in-browser profile (again when the format
 * changes: what to count and sum depends on it) and the server's dry run,
 * again after every change of format, mapping or period — the analyst never
 * has to pick the file again. A new file is checked at once; edits after a pause.
 */
export function useFileChecks({
  file,
  format,
  mapping,
  period,
  xml,
  check,
  commit,
  fields,
}: {
  file: File | null;
  format: UploadFormat;
  mapping: string;
  period: string;
  xml: boolean;
  check: Upload;
  commit: Upload;
  fields: (dryRun: boolean) => UploadFields;
}): { profile: FileProfile | null; profileError: unknown } {
  const { t } = useTranslation();
  // The profile remembers what it was made from: another file or format shows none until its own is in.
  const [made, setMade] = useState<{ file: File; format: UploadFormat; profile: FileProfile | null; error: unknown } | null>(null);
  const checkedFile = useRef<File | null>(null);
  // The mutations change identity every render: read the latest through a ref, not as dependencies.
  const latest = useRef({ check, commit, fields });
  useLayoutEffect(() => {
    latest.current = { check, commit, fields };
  });

  useEffect(() => {
    if (!file || xml) return;
    let live = true;
    profileFile(file, format).then(
      (p) => live && setMade({ file, format, profile: p, error: null }),
      (e: unknown) =>
        live && setMade({ file, format, profile: null, error: e instanceof Error && e.message === 'empty' ? new Error(t('upload.emptyFile')) : e }),
    );
    return () => {
      live = false;
    };
  }, [file, format, xml, t]);
  const current = made && !xml && made.file === file && made.format === format ? made : null;

  useEffect(() => {
    if (!file) return;
    const delay = checkedFile.current === file ? RECHECK_DELAY_MS : 0;
    const timer = setTimeout(() => {
      checkedFile.current = file;
      const { check: c, commit: k, fields: f } = latest.current;
      if (k.isPending) return;
      k.reset();
      c.mutate({ file, fields: f(true) });
    }, delay);
    return () => clearTimeout(timer);
  }, [file, format, mapping, period]);

  return { profile: current?.profile ?? null, profileError: current?.error ?? null };
}
