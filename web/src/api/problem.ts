/** The API's problem+json body (api/src/http/problem.ts), exported by @lmo/api as a type only. */
type ApiProblem = import('@lmo/api').Problem;

/** One field problem of the API's `errors` array (api/src/domain-error.ts FieldProblem). */
type ApiFieldProblem = NonNullable<ApiProblem['errors']>[number];

/**
 * One field problem of a problem+json `errors` array, as the web reads it: the API's field problem,
 * where upload issues leave `path` out and set `column` null for a whole line, and endpoints may add
 * the Vietnamese `messageVi` (upload issues also carry `code`, `value`: see UploadIssue).
 */
export type FieldIssue = Omit<ApiFieldProblem, 'path' | 'column'> & {
  path?: ApiFieldProblem['path'];
  column?: ApiFieldProblem['column'] | null;
  messageVi?: string;
};

/** RFC 9457 problem details as the API returns them (api/src/http/problem.ts), or as made here for a failure with no body. */
export interface Problem extends Pick<ApiProblem, 'title' | 'status' | 'detail' | 'instance'> {
  /** Absent when the problem was made here (network error, non-JSON answer). */
  type?: ApiProblem['type'];
  errors?: FieldIssue[];
  /** The detail in Vietnamese, when the API has it (domain errors' `messageVi`). */
  detailVi?: string;
}

/** A failed request, carrying the API's problem detail so the UI can show it. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

/**
 * Reads a JSON response or throws an ApiError. A non-JSON failure (proxy down, HTML page)
 * still becomes a problem with the HTTP status, never an opaque crash.
 */
export async function readJson<T>(response: Response): Promise<T> {
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    let problem: Problem = { title: response.statusText || 'Request failed', status: response.status };
    if (type.includes('json')) {
      try {
        const body = (await response.json()) as Partial<Problem>;
        problem = { ...problem, ...body, status: body.status ?? response.status, title: body.title ?? problem.title };
      } catch {
        // keep the status-only problem
      }
    } else {
      const text = await response.text().catch(() => '');
      if (text && text.length < 300) problem.detail = text;
    }
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

/** Turns any thrown value into a problem for display. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  if (error instanceof Error) return { title: error.name === 'TypeError' ? 'Network error' : error.name, status: 0, detail: error.message };
  return { title: 'Error', status: 0, detail: String(error) };
}
