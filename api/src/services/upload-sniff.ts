/**
 * A first look at an upload's opening bytes, to say what is wrong when the
 * file is not a text table at all: compressed archives and office or PDF
 * files (which otherwise read as "not UTF-8, looks like Windows-1258"),
 * other binary data, and old Mac line endings (CR only), which otherwise make
 * the whole file one header line ("column `status` is missing").
 */
import type { UploadIssue } from './upload-issue';

const MAGIC: [bytes: number[], kind: string, kindVi: string][] = [
  [[0x1f, 0x8b], 'a gzip-compressed file (.gz)', 'tệp nén gzip (.gz)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (.zip, or an Excel .xlsx workbook)', 'tệp nén ZIP (.zip, hoặc sổ tính Excel .xlsx)'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty ZIP archive', 'tệp nén ZIP rỗng'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive (.7z)', 'tệp nén 7-Zip (.7z)'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive (.rar)', 'tệp nén RAR (.rar)'],
  [[0x42, 0x5a, 0x68], 'a bzip2-compressed file (.bz2)', 'tệp nén bzip2 (.bz2)'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'an xz-compressed file (.xz)', 'tệp nén xz (.xz)'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a zstd-compressed file (.zst)', 'tệp nén zstd (.zst)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel/Word file (.xls, .doc)', 'tệp Excel/Word cũ (.xls, .doc)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document', 'tài liệu PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image', 'ảnh PNG'],
  [[0xff, 0xd8, 0xff], 'a JPEG image', 'ảnh JPEG'],
];

const issue = (code: string, message: string, messageVi: string): UploadIssue => ({ line: 1, column: null, value: '', code, message, messageVi });

/** What is wrong with a file whose first bytes are `head`, or null (then the format's parser decides). */
export function sniffFileKind(head: Uint8Array, csv: boolean): UploadIssue | null {
  for (const [magic, kind, kindVi] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) {
      return issue(
        'NOT_A_TEXT_FILE',
        `This is ${kind}, not a ${csv ? 'CSV' : 'text'} file. Extract it (or save the sheet as "CSV UTF-8") and upload the file itself.`,
        `Đây là ${kindVi}, không phải tệp ${csv ? 'CSV' : 'văn bản'}. Hãy giải nén (hoặc lưu bảng tính thành "CSV UTF-8") rồi tải lên chính tệp đó.`,
      );
    }
  }
  // UTF-16 text is full of NUL bytes too: the parsers name it precisely, so leave it to them.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || zeroShare(head) > 0.25;
  if (!utf16) {
    let control = 0;
    for (let i = 0; i < head.length; i++) {
      const c = head[i];
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) control++;
    }
    // One stray control byte is a bad cell (reported with its line and column); many are a binary file.
    if (head.length >= 64 && control > head.length / 20) {
      return issue(
        'NOT_A_TEXT_FILE',
        `The file is binary data, not ${csv ? 'a CSV table' : 'text'} (${control} control bytes in the first ${head.length}).`,
        `Tệp là dữ liệu nhị phân, không phải ${csv ? 'bảng CSV' : 'văn bản'} (${control} byte điều khiển trong ${head.length} byte đầu).`,
      );
    }
  }
  if (csv && crOnly(head)) {
    return issue(
      'LINE_ENDINGS',
      'Lines end with a carriage return only (old Mac line endings), so the whole file reads as one line. Save it with Windows (CRLF) or Unix (LF) line endings and upload again.',
      'Các dòng chỉ kết thúc bằng ký tự CR (kiểu Mac cũ) nên cả tệp bị đọc thành một dòng. Hãy lưu với kiểu xuống dòng Windows (CRLF) hoặc Unix (LF) rồi tải lên lại.',
    );
  }
  return null;
}

function zeroShare(head: Uint8Array): number {
  let n = 0;
  for (const b of head) if (b === 0) n++;
  return head.length ? n / head.length : 0;
}

/** True when the first line break in `head` is a lone CR (outside quotes). */
function crOnly(head: Uint8Array): boolean {
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x0a) return false;
    else if (c === 0x0d) return i + 1 < head.length && head[i + 1] !== 0x0a;
  }
  return false;
}
