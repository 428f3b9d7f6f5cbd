/**
 * The size limit and the first look at an upload's bytes as they stream in:
 * ByteLimit counts them, fails the stream past the limit (413) and holds back
 * the opening bytes for upload-sniff.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { UploadIssue } from './upload-issue';
import { sniffFileKind } from './upload-sniff';

export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Thrown when the stream passes the size limit; the route maps it to 413. */
export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
  constructor(readonly limit: number) {
    super(`The file is larger than the upload limit of ${formatBytes(limit)} (MAX_UPLOAD_BYTES).`);
  }
}

const formatBytes = (n: number) => (n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${n} bytes`);

const HEAD_BYTES = 64 * 1024;

/**
 * Passes bytes through, counting them, and fails the stream past `limit`.
 * The first 64 KB are held back and looked at first (upload-sniff): a file
 * that is not text (gzip, zip, binary) or has CR-only line endings is
 * recorded in `problem` and then swallowed, so the parser ends at once.
 */
export class ByteLimit extends Transform {
  bytes = 0;
  problem: UploadIssue | null = null;
  private head: Buffer[] | null = [];
  private headBytes = 0;
  constructor(
    private readonly limit: number,
    private readonly csv: boolean,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(new UploadTooLargeError(this.limit));
    if (this.problem) return done();
    if (this.head) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < HEAD_BYTES) return done();
      this.release();
      return done();
    }
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    if (this.head) this.release();
    done();
  }
  private release(): void {
    const head = Buffer.concat(this.head!);
    this.head = null;
    this.problem = sniffFileKind(head, this.csv);
    if (!this.problem) this.push(head);
  }
}

/** Rethrows the error the stream ended with (UploadTooLargeError past the limit), once a parser has returned. */
export function rethrowLimit(counted: ByteLimit): void {
  const error = (counted as unknown as { errored?: unknown }).errored;
  if (error) throw error;
}
