// Builds the OpenAPI 3.1 document from route contracts. Called on the first request for the document,
// not at start-up, so functions do not pay for it on every cold start.
import * as z from 'zod/mini';
import { responsesOf, type RouteContract } from './contract';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** RFC 9457: a problem may carry extension members (health's `checks`), so the schema stays open. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string(),
  errors: z.optional(z.array(z.object({ field: z.string(), detail: z.string() }))),
});

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
  contact: { name: string; url: string; email: string };
  license: { name: string; identifier: string };
}

export function openApiDocument(info: OpenApiInfo, serverUrl: string, contracts: readonly RouteContract[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const contract of contracts) {
    const query = contract.query ? jsonSchema(contract.query, 'input') : undefined;
    const queryProps = (query?.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((query?.required as string[] | undefined) ?? []);
    const pathParams = [...contract.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    (paths[contract.path] ??= {})[contract.method] = {
      operationId: contract.operationId,
      summary: contract.summary,
      tags: contract.tags,
      ...(contract.statusToken ? { security: [{ statusToken: [] }] } : {}),
      parameters: [
        ...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        ...(contract.headers ?? []).map((h) => ({
          name: h.name,
          in: 'header',
          required: h.required,
          description: h.description,
          schema: { type: 'string', ...(h.pattern ? { pattern: h.pattern } : {}) },
        })),
        ...Object.entries(queryProps).map(([name, schema]) => ({
          name,
          in: 'query',
          required: required.has(name),
          ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
          schema,
        })),
      ],
      ...(contract.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(contract.body, 'input') } } } } : {}),
      responses: Object.fromEntries(
        Object.entries(responsesOf(contract)).map(([status, spec]) => [
          status,
          {
            description: spec.description,
            headers: {
              'API-Version': { $ref: '#/components/headers/API-Version' },
              ...Object.fromEntries(
                Object.entries(spec.headers ?? {}).map(([name, description]) => [
                  name,
                  { description, required: true, schema: name === 'Retry-After' ? { type: 'integer', minimum: 0 } : { type: 'string' } },
                ]),
              ),
            },
            ...(spec.problem
              ? {
                  content: {
                    [PROBLEM_CONTENT_TYPE]: {
                      // A problem with extension members of its own: the problem's members, and those.
                      schema: spec.schema
                        ? { allOf: [{ $ref: '#/components/schemas/Problem' }, jsonSchema(spec.schema, 'output')] }
                        : { $ref: '#/components/schemas/Problem' },
                    },
                  },
                }
              : spec.schema
                ? { content: { 'application/json': { schema: jsonSchema(spec.schema, 'output') } } }
                : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: serverUrl, description: 'Same origin as the site' }],
    tags: [...new Set(contracts.flatMap((c) => c.tags))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        statusToken: {
          type: 'http',
          scheme: 'bearer',
          description: "The resident's private status token, from the intake's answer or a status lookup.",
        },
      },
      headers: {
        'API-Version': { description: 'Full semantic version of this API', schema: { type: 'string' }, example: info.version },
      },
    },
  };
}
