// Omni's OpenAPI 3.1 spec, when OMNI_OPENAPI_PATH names it (.ci/run sets it when the file is there): each
// operation's response schema, with $refs into components inlined, compiled with ajv (JSON Schema 2020-12).
// The spec is not part of this repository, so a clone without it skips these checks, saying why.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';

const specVariable = process.env.OMNI_OPENAPI_PATH?.trim();
/** Where the spec is read from; undefined when OMNI_OPENAPI_PATH is not set. */
export const SPEC_PATH = specVariable ? resolve(specVariable) : undefined;
/** Why the spec checks do not run, or undefined when they do. */
export const SPEC_SKIP_REASON = SPEC_PATH
  ? undefined
  : "OMNI_OPENAPI_PATH is not set (point it at Omni's OpenAPI JSON; .ci/run does when the file is present)";

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

/** null when OMNI_OPENAPI_PATH is unset; throws when it names a file that is not there (a broken setup). */
export function loadSpecValidator(): SpecValidator | null {
  if (!SPEC_PATH) return null;
  if (!existsSync(SPEC_PATH)) throw new Error(`OMNI_OPENAPI_PATH names ${SPEC_PATH}, which does not exist`);
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
