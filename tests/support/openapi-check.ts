// Every response an integration test sees, held against the API's own OpenAPI document by code that shares
// nothing with the API's: the operation is found by path and method, the status must be documented, the
// body must fit the documented content type and schema (ajv, JSON Schema 2020-12), and the documented headers
// (Location, Retry-After) must be there. A path the API has with a method it does not answer must be 405 with
// Allow. What does not hold is collected, for the test file to assert at its end.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
interface Operation {
  responses: Record<string, { headers?: Record<string, { required?: boolean }>; content?: Record<string, { schema: Json }> }>;
}
interface Document {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: Json;
}

export interface ResponseChecker {
  /** What did not match the document, one line each. */
  readonly mismatches: string[];
  /** How many responses were checked. */
  readonly checked: number;
  /** Wraps an app's `request` (Hono's `app.request`) so every answer is checked. */
  wrap<T extends { request: (input: string, init?: RequestInit) => Response | Promise<Response> }>(app: T): T;
}

export function responseChecker(): ResponseChecker {
  let doc: Document | undefined;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const state = { mismatches: [] as string[], checked: 0 };

  const operationOf = (pathname: string): { template: string; item: Record<string, Operation> } | undefined => {
    const base = new URL(doc!.servers[0]!.url, 'http://api.local').pathname.replace(/\/$/, '');
    for (const [template, item] of Object.entries(doc!.paths)) {
      const pattern = new RegExp(`^${base}${template.replace(/\{\w+\}/g, '[^/]+')}/?$`);
      if (pattern.test(pathname)) return { template, item };
    }
    return undefined;
  };

  async function check(method: string, url: string, response: Response): Promise<void> {
    const where = `${method} ${new URL(url, 'http://api.local').pathname} -> ${response.status}`;
    const pathname = new URL(url, 'http://api.local').pathname;
    if (pathname.endsWith('/openapi.json')) return;
    state.checked++;
    const found = operationOf(pathname);
    if (!found) {
      // A path the API does not have: a 404 problem is all it may say.
      if (response.status !== 404) state.mismatches.push(`${where}: not a documented path`);
      return;
    }
    const operation = found.item[method.toLowerCase()];
    if (!operation) {
      if (response.status !== 405 || !response.headers.get('allow'))
        state.mismatches.push(`${where}: a method the path does not have must be 405 with Allow`);
      return;
    }
    const documented = operation.responses[String(response.status)] ?? operation.responses.default;
    if (!documented) {
      state.mismatches.push(`${where}: status not documented for ${method.toUpperCase()} ${found.template}`);
      return;
    }
    for (const [name, header] of Object.entries(documented.headers ?? {}))
      if (header.required && !response.headers.has(name)) state.mismatches.push(`${where}: documented header ${name} is missing`);
    const text = await response.text();
    if (!documented.content) {
      if (text !== '') state.mismatches.push(`${where}: a body where none is documented`);
      return;
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const media = documented.content[type];
    if (!media) {
      state.mismatches.push(`${where}: content type ${type || '(none)'} not documented (${Object.keys(documented.content).join(', ')})`);
      return;
    }
    const key = `${method} ${found.template} ${response.status} ${type}`;
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = ajv.compile({ ...media.schema, components: doc!.components })));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      state.mismatches.push(`${where}: the body is not JSON`);
      return;
    }
    if (!validate(body)) state.mismatches.push(`${where}: ${ajv.errorsText(validate.errors)}`);
  }

  return {
    get mismatches() {
      return state.mismatches;
    },
    get checked() {
      return state.checked;
    },
    wrap(app) {
      const original = app.request.bind(app);
      const request = async (input: string, init?: RequestInit) => {
        const response = await original(input, init);
        doc ??= (await (await original('/api/v1/openapi.json')).json()) as Document;
        await check(init?.method ?? 'GET', input, response.clone());
        return response;
      };
      return new Proxy(app, { get: (target, prop) => (prop === 'request' ? request : Reflect.get(target, prop)) });
    },
  };
}
