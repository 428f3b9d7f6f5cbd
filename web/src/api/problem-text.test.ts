import { describe, expect, it } from 'vitest';
import { englishWordsIn } from '../i18n/english-words';
import { fieldProblemText, problemKind, problemText } from './problem-text';

describe('problemText', () => {
  const unknownCode = {
    type: '/api/problems/unknown-code',
    title: 'Unknown code',
    status: 400,
    detail: "region: '27' is the former province Bắc Ninh, merged into 24 Bắc Ninh on 1 July 2025; use 24",
    errors: [{ path: 'region', message: "'27' is the former province Bắc Ninh, merged into 24 Bắc Ninh on 1 July 2025; use 24", expected: ['24'] }],
  };

  it('keeps the API text in English', () => {
    const text = problemText(unknownCode, 'en');
    expect(text.title).toBe('Unknown code');
    expect(text.errors[0]).toContain('region: ');
  });

  it('writes title, detail and field problems in Vietnamese, with the English kept as technical detail', () => {
    const text = problemText(unknownCode, 'vi');
    expect(text.title).toBe('Mã không có trong danh mục');
    expect(text.errors).toEqual(['địa bàn: không hợp lệ; mã dùng được: 24']);
    expect(text.technical).toContain('former province');
    expect(englishWordsIn([text.title, text.detail, ...text.errors].join(' '))).toEqual([]);
  });

  it('prefers the API’s own Vietnamese (detailVi, messageVi)', () => {
    const text = problemText(
      {
        type: '/api/problems/validation',
        title: 'Invalid upload',
        status: 422,
        detailVi: 'Tệp rỗng.',
        errors: [{ message: 'The file is empty.', messageVi: 'Tệp rỗng.' }],
      } as never,
      'vi',
    );
    expect(text.detail).toBe('Tệp rỗng.');
    expect(text.errors).toEqual(['Tệp rỗng.']);
  });

  it('names every kind the API sends, else falls back on the HTTP status', () => {
    for (const type of [
      'validation',
      'unknown-code',
      'not-found',
      'forecast/too-short',
      'database-unavailable',
      'results-not-ready',
      'internal',
      'conflict',
      'unauthorized',
      'forbidden',
      'out-of-scope',
      'too-many-attempts',
    ]) {
      const text = problemText({ type: `/api/problems/${type}`, title: 'x', status: 400 }, 'vi');
      expect(text.title, type).not.toBe('Không thực hiện được yêu cầu');
    }
    expect(problemKind({ status: 0, title: 'Network error' })).toBe('network');
    expect(problemKind({ status: 503, title: 'Service Unavailable' })).toBe('database-unavailable');
    expect(problemKind({ status: 418, title: 'teapot' })).toBe('validation');
  });
});

describe('fieldProblemText', () => {
  it('names the line and column of an upload issue, and the path before the message in English', () => {
    const issue = { line: 5, column: 'value', message: 'not a number' };
    expect(fieldProblemText(issue, 'vi')).toBe('dòng 5, giá trị: không hợp lệ');
    expect(fieldProblemText({ ...issue, column: null }, 'vi')).toBe('dòng 5: không hợp lệ');
    expect(fieldProblemText({ message: 'bad' }, 'vi')).toBe('giá trị: không hợp lệ');
    expect(fieldProblemText(issue, 'en')).toBe('value: not a number');
  });

  it('takes a caller’s words for paths and for what is wrong, but never over messageVi', () => {
    const words = { name: (p: string) => `«${p}»`, whatVi: () => 'sai' };
    expect(fieldProblemText({ path: 'a.b', message: 'too big' }, 'vi', words)).toBe('«a.b»: sai');
    expect(fieldProblemText({ message: 'too big' }, 'vi', words)).toBe('sai');
    expect(fieldProblemText({ path: 'a.b', message: 'too big' }, 'en', words)).toBe('«a.b»: too big');
    expect(fieldProblemText({ path: 'a.b', message: 'too big', messageVi: 'Quá lớn.' }, 'vi', words)).toBe('Quá lớn.');
  });
});
