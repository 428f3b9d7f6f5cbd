/**
 * What a failed request says, in the UI language. The API writes problem titles and details in
 * English and adds Vietnamese only in places (`detailVi`, `messageVi` on upload issues); in
 * Vietnamese mode the title comes from the problem `type` (or HTTP status), the detail from
 * `detailVi` or a sentence per type, field problems from `messageVi` or the path and accepted
 * codes. The English original is kept as `technical`, for a collapsed "technical detail".
 */
import type { Lang } from '../i18n/format';
import type { FieldIssue, Problem } from './problem';

export interface ProblemText {
  title: string;
  detail?: string;
  errors: string[];
  /** The API's own English text, when the Vietnamese above is a paraphrase of it. */
  technical?: string;
}

const TITLE_VI: Readonly<Record<string, string>> = {
  validation: 'Yêu cầu không hợp lệ',
  'unknown-code': 'Mã không có trong danh mục',
  'not-found': 'Không tìm thấy dữ liệu',
  forecast: 'Không lập được dự báo',
  'database-unavailable': 'Không kết nối được cơ sở dữ liệu',
  'results-not-ready': 'Kết quả đang được tính',
  internal: 'Lỗi máy chủ',
  conflict: 'Xung đột dữ liệu',
  unauthorized: 'Cần đăng nhập',
  forbidden: 'Không đủ quyền',
  'out-of-scope': 'Chỉ dành cho cán bộ phân tích trung ương',
  'too-many-attempts': 'Quá nhiều lần đăng nhập sai',
  network: 'Lỗi mạng',
};

const DETAIL_VI: Readonly<Record<string, string>> = {
  validation: 'Máy chủ không chấp nhận yêu cầu; hãy kiểm tra các giá trị dưới đây.',
  'unknown-code': 'Một mã trong đường dẫn không có trong danh mục hiện hành.',
  'not-found': 'Không có số liệu cho lựa chọn này trong phiên bản dữ liệu hiện tại.',
  forecast: 'Chuỗi số liệu này không đủ để lập dự báo.',
  'database-unavailable': 'Cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại sau ít phút.',
  'results-not-ready': 'Máy chủ đang tính kết quả cho phiên bản dữ liệu này; hãy thử lại sau ít phút.',
  internal: 'Đã xảy ra lỗi không mong muốn; lỗi đã được ghi lại.',
  conflict: 'Dữ liệu đã thay đổi trong lúc xử lý; không có gì được lưu.',
  unauthorized: 'Hãy đăng nhập bằng mã truy cập hợp lệ.',
  forbidden: 'Mã truy cập của bạn không có quyền thực hiện thao tác này.',
  'too-many-attempts': 'Hãy đợi một lúc rồi thử lại.',
  network: 'Không kết nối được máy chủ; hãy kiểm tra mạng rồi thử lại.',
};

const STATUS_KIND: Readonly<Record<number, string>> = {
  0: 'network',
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  422: 'validation',
  429: 'too-many-attempts',
  500: 'internal',
  503: 'database-unavailable',
};

/** The problem's kind: the last meaningful segment of its `type` URI, else from the HTTP status. */
export function problemKind(problem: Pick<Problem, 'type' | 'status' | 'title'>): string {
  const type = problem.type ?? '';
  if (type.startsWith('/api/problems/forecast')) return 'forecast';
  const last = type.split('/').filter(Boolean).pop();
  if (last && TITLE_VI[last]) return last;
  if (problem.status === 0 && problem.title === 'Network error') return 'network';
  return STATUS_KIND[problem.status] ?? (problem.status >= 500 ? 'internal' : 'validation');
}

/** Request parameters named in Vietnamese; other paths (CSV columns) stay as written. */
const PARAM_VI: Readonly<Record<string, string>> = {
  region: 'địa bàn',
  sector: 'ngành',
  qualification: 'trình độ',
  indicator: 'chỉ tiêu',
  horizon: 'tầm dự báo',
  scenario: 'kịch bản',
  period: 'kỳ',
  value: 'giá trị',
  from: 'từ năm',
  to: 'đến năm',
  levels: 'mức của khoảng dự báo',
  file: 'tệp',
  format: 'định dạng',
  mapping: 'bảng ánh xạ',
  body: 'nội dung gửi lên',
  unit: 'đơn vị',
  status: 'loại số liệu',
  source: 'nguồn',
};

/** How a caller names paths and says what is wrong (the scenario builder names levers from the parameter specs). */
export interface FieldWords {
  /** A path named for people (default: request parameters in Vietnamese, other paths, e.g. CSV columns, as written). */
  name?: (path: string) => string;
  /** What is wrong, in Vietnamese, when the API sent no `messageVi` (default: "không hợp lệ" with the accepted codes). */
  whatVi?: (e: FieldIssue) => string;
}

function defaultWhatVi(e: FieldIssue): string {
  const expected = e.expected?.length ? `; mã dùng được: ${e.expected.slice(0, 6).join(', ')}${e.expected.length > 6 ? ', …' : ''}` : '';
  return `không hợp lệ${expected}`;
}

/**
 * One field problem in `lang`: in Vietnamese the API's `messageVi` when served, else "where: what"
 * (the line and the named path, then `whatVi`); in English the path and the API's message.
 */
export function fieldProblemText(e: FieldIssue, lang: Lang, words: FieldWords = {}): string {
  if (lang === 'vi' && e.messageVi) return e.messageVi;
  const path = e.path ?? (e.column != null ? String(e.column) : '');
  const named = path && words.name ? words.name(path) : lang === 'vi' ? (PARAM_VI[path] ?? path) : path;
  if (lang !== 'vi') return [named, e.message].filter(Boolean).join(': ');
  const where = [e.line ? `dòng ${e.line}` : '', named].filter(Boolean).join(', ');
  // Without words of its own a problem always says where, if only "the value".
  return words.whatVi ? [where, words.whatVi(e)].filter(Boolean).join(': ') : `${where || 'giá trị'}: ${defaultWhatVi(e)}`;
}

/** The problem as the UI shows it in `lang` (at most `maxErrors` field problems). */
export function problemText(problem: Problem, lang: Lang, maxErrors = 5): ProblemText {
  const errors = (problem.errors ?? []).slice(0, maxErrors);
  const english = errors.map((e) => fieldProblemText(e, 'en'));
  if (lang !== 'vi') return { title: problem.title, detail: problem.detail, errors: english };
  const kind = problemKind(problem);
  return {
    title: TITLE_VI[kind] ?? 'Không thực hiện được yêu cầu',
    detail: problem.detailVi ?? DETAIL_VI[kind],
    errors: errors.map((e) => fieldProblemText(e, 'vi')),
    technical: [problem.title, problem.detail, ...english].filter(Boolean).join(' — ') || undefined,
  };
}
