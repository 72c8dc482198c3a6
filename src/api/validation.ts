// Turns zod results into API errors with per-field messages, so a client can show each
// problem next to its field: `{ error: { code, message, fields: { "title": "..." } } }`.
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error';
import type { FieldErrors } from './api-error';

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= 'Unknown field.';
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: string,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join(' ');
  throw new ApiError(400, code, `The ${what} is not valid. ${summary}`, { fields });
}

/** The JSON body validated with `schema`; not JSON at all is a 400 too. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'validation/invalid-body', 'The request body must be a JSON object.', {
      fields: { _: 'Not valid JSON.' },
    });
  }
  return parseWith(schema, body, 'validation/invalid-body', 'request body');
}
