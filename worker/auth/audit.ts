import type { Context } from "hono";
import type { AppEnv } from "../context";
import { audit, auditIfChanged, auditInsert } from "../db/audit";

/*
 * The audit rows of what staff do: the actor is always the signed-in member (`c.var.staff`, set by
 * requireStaff, or by a sign-in for its own row), at the request's clock. The subject is named at each
 * call, never guessed from the action. Ids only, no personal data (db/audit.ts).
 */

/**
 * What the action happened to: a kind with its id; `{ kind, inserted: true }` for the row of the INSERT
 * right before in the same batch (its id is known only there); null for nothing in particular.
 */
export type AuditSubject = { kind: string; id: string | number } | { kind: string; inserted: true } | null;

export interface StaffAuditOptions {
  /** Only if the UPDATE right before it in the batch changed a row, so of racing requests only the winner records. */
  ifChanged?: boolean;
}

/** The audit row of a staff action, unrun, for the batch of the change it records. */
export function staffAudit(
  c: Context<AppEnv>,
  action: string,
  subject: AuditSubject,
  detail: Record<string, unknown> | null = null,
  options: StaffAuditOptions = {},
): D1PreparedStatement {
  const { staff, deps } = c.var;
  const event = { locationId: staff.locationId, actorKind: "staff" as const, actorId: staff.id, action, subjectKind: subject?.kind ?? null, detail, at: deps.now() };
  if (subject && "inserted" in subject) return auditInsert(c.env.DB, event);
  const withSubject = { ...event, subjectId: subject?.id ?? null };
  return options.ifChanged ? auditIfChanged(c.env.DB, withSubject) : audit(c.env.DB, withSubject);
}
