/**
 * The file formats an upload can take, shared by the API (which validates the
 * `format` field and dispatches on it) and the upload page (which offers them
 * in this order), so the two cannot drift apart.
 */
export const UPLOAD_FORMATS = ['long', 'wide', 'microdata', 'sdmx', 'pxweb'] as const;
/** One upload format. */
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];
