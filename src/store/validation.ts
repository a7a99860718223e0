import type { z } from 'zod';
import { StoreValidationError } from './errors.js';

/** Parses `value` with `schema`, or throws a StoreValidationError naming each field at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new StoreValidationError(
    what,
    result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  );
}
