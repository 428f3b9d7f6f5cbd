/** OpenAPI response objects reused by the routes. */
import { resolver } from 'hono-openapi';
import type { z } from 'zod';
import { problemSchema } from './problem';

const problemContent = { 'application/problem+json': { schema: resolver(problemSchema) } };

/** 200 with a JSON body plus the problem responses every data route can give. */
export function jsonResponses(description: string, schema: z.ZodType, extra: Record<number, string> = {}) {
  const responses: Record<string, { description: string; content: Record<string, { schema: ReturnType<typeof resolver> }> }> = {
    200: { description, content: { 'application/json': { schema: resolver(schema) } } },
    400: { description: 'Invalid input or unknown code (problem+json naming the valid codes)', content: problemContent },
    503: { description: 'Database unavailable or no data loaded yet', content: problemContent },
  };
  for (const [status, text] of Object.entries(extra)) responses[status] = { description: text, content: problemContent };
  return responses;
}
