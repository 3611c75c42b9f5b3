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
  const field =
    issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.map(String).join(".") || undefined;
  const message = issue.code === "unrecognized_keys" ? `Unknown parameter: ${field}` : issue.message;
  throw new AppError("invalid_request", field ? `${field}: ${message}` : message, field);
}
