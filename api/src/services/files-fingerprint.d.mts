/** sha256 of a file's bytes, or `missing`. */
export declare const fileSha: (file: string) => string;
/** The fingerprint of `[name, absolute path]` pairs (files-fingerprint.mjs). */
export declare function fingerprintFiles(entries: readonly (readonly [string, string])[]): string;
