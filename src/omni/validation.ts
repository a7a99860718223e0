import type { z } from 'zod';
import { type OmniIssue, OmniRequestValidationError } from './errors.js';

/** Says "is required" for a missing field instead of zod's "expected string, received undefined". */
const requiredFieldMessages: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

export function toIssues(error: z.ZodError): OmniIssue[] {
  return error.issues.flatMap((issue): OmniIssue[] => {
    // One issue per unknown key, at the key, so a form can point at the field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: 'is not a field Omni accepts here',
      }));
    }
    return [{ path: joinPath(issue.path), message: unionMessage(issue) ?? issue.message }];
  });
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : '(body)';
}

/** A discriminator that matches no variant: say which values are allowed, plainly. */
function unionMessage(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'invalid_union' || issue.errors.length > 0) return undefined;
  const expected = /Expected (.+)$/.exec(issue.message)?.[1];
  return expected ? `must be one of ${expected}` : undefined;
}

export function safeParse<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; issues: OmniIssue[] } {
  const result = schema.safeParse(value, { error: requiredFieldMessages });
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: toIssues(result.error) };
}

/** Validates a request part before anything is sent; throws `OmniRequestValidationError` listing every issue. */
export function validateRequest<S extends z.ZodType>(operation: string, schema: S, value: unknown): z.output<S> {
  const result = safeParse(schema, withoutUndefined(value));
  if (!result.ok) throw new OmniRequestValidationError(operation, result.issues);
  return result.data;
}

/**
 * Drops `undefined` properties, as JSON would, so that `{ ...draft, url: undefined }` is not refused as
 * an unknown field by a strict schema.
 */
function withoutUndefined(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key, withoutUndefined(entry)]),
  );
}

/** A schema-level message for a bad value that still says "is required" when the value is missing. */
export function unlessMissing(message: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'is required' : message);
}
