import type { StaffScope } from "../context";
import { audit, auditIfChanged, auditInsert } from "../db/audit";

/*
 * The audit rows of what staff do: the actor is always the signed-in member (`s.staff`: the member of
 * the staff route, or of the sign-in that records itself), at the request's clock. The subject is named
 * at each call, never guessed from the action. Ids only, no personal data (db/audit.ts).
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
  s: StaffScope,
  action: string,
  subject: AuditSubject,
  detail: Record<string, unknown> | null = null,
  options: StaffAuditOptions = {},
): D1PreparedStatement {
  const { staff, deps } = s;
  const event = { locationId: staff.locationId, actorKind: "staff" as const, actorId: staff.id, action, subjectKind: subject?.kind ?? null, detail, at: deps.now() };
  if (subject && "inserted" in subject) return auditInsert(s.db, event);
  const withSubject = { ...event, subjectId: subject?.id ?? null };
  return options.ifChanged ? auditIfChanged(s.db, withSubject) : audit(s.db, withSubject);
}
