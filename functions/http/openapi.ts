import { z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE } from './problem';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), detail: z.string() })).optional(),
  })
  .openapi('Problem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or a field is invalid',
  404: 'Not found',
  413: 'The request body is too large',
  415: 'The request body is not JSON',
  422: 'The request is valid but cannot be handled (for example a postcode outside the municipality)',
  503: 'Temporarily unavailable',
};

/** OpenAPI response entries for the given problem statuses. */
export function problemResponses(...statuses: (keyof typeof DESCRIPTIONS)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status]!, content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } },
    ]),
  ) as Record<number, { description: string; content: Record<string, { schema: typeof problemSchema }> }>;
}
