import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "./errors";

/**
 * Parses input with its schema or throws a 400 that names the first offending field, so a caller
 * learns what to fix ("from: Invalid ISO date") instead of getting a list of zod internals.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key inside an object is named with its path (`label.fr`), as every other field is.
  const field =
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => [...issue.path.map(String), key].join(".")).join(", ")
      : issue.path.map(String).join(".") || undefined;
  const message = issue.code === "unrecognized_keys" ? `Unknown parameter: ${field}` : issue.message;
  throw new AppError("invalid_request", field ? `${field}: ${message}` : message, field);
}

/**
 * The request body as JSON, or a 400 saying it is not. `emptyAs`: what an empty (or blank) body stands
 * for, for routes whose fields are all optional (a staff cancel); without it an empty body is a 400.
 */
export async function jsonBody(c: Context, options: { emptyAs?: unknown } = {}): Promise<unknown> {
  const text = await c.req.text();
  if ("emptyAs" in options && text.trim() === "") return options.emptyAs;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_request", "The request body must be JSON.");
  }
}

/** The Idempotency-Key header (8 to 200 visible ASCII characters), or null without one. */
export function idempotencyKey(c: Context): string | null {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new AppError("invalid_request", "Idempotency-Key: 8 to 200 visible ASCII characters.", "Idempotency-Key");
  }
  return key;
}
