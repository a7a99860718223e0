// Omni's OpenAPI 3.1 spec, when ../shared/reference is present: each operation's response schema,
// with $refs into components inlined, compiled with ajv (JSON Schema 2020-12).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';

export const SPEC_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/reference/omni-openapi.json',
);

type Json = Record<string, unknown>;

export type SpecValidator = {
  /** Problems with `body` as the response `status` of `method path`; null when the spec has no schema for it. */
  problems(method: string, path: string, status: number, body: unknown): string[] | null;
};

function inlineRefs(node: unknown, spec: Json, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, spec, seen));
  if (typeof node !== 'object' || node === null) return node;
  const obj = node as Json;
  if (typeof obj.$ref === 'string') {
    const ref = obj.$ref;
    if (seen.includes(ref)) return {};
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at as Json)[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
    return inlineRefs(target, spec, [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inlineRefs(v, spec, seen)]));
}

export function loadSpecValidator(): SpecValidator | null {
  if (!existsSync(SPEC_PATH)) return null;
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // The formats Omni's schemas use, checked (ajv ships none without ajv-formats).
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  const paths = spec.paths as Record<string, Record<string, Json>>;
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return {
    problems(method, path, status, body) {
      const responses = paths[path]?.[method.toLowerCase()]?.responses as Record<string, Json> | undefined;
      if (!responses) throw new Error(`The spec has no operation ${method} ${path}`);
      const content = responses[String(status)]?.content as Record<string, Json> | undefined;
      const schema = content?.['application/json']?.schema;
      if (!schema) return null;
      const key = `${method} ${path} ${status}`;
      const validate = compiled.get(key) ?? ajv.compile(inlineRefs(schema, spec) as Json);
      compiled.set(key, validate);
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}
