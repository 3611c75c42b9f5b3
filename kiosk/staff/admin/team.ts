/*
 * "Team": staff accounts of the office. Adding one mails a sign-in link (the API sends it); an admin can
 * send a fresh link or deactivate an account (after a second click). There are no passwords to set.
 */
import { batch, signal } from "@preact/signals";
import type { StaffRole } from "../../../schemas/auth";
import { canonicalEmail } from "../../../common/field-rules";
import type { AdminApi } from "./api";
import { createLoader, createSaver, type FieldErrors, type FieldProblem } from "./form";

export interface MemberDraft {
  name: string;
  email: string;
  role: StaffRole;
}
export type MemberField = keyof MemberDraft;
export const memberFieldId = (f: MemberField) => `member-${f}`;
const EMPTY: MemberDraft = { name: "", email: "", role: "staff" };

export function checkMember(d: MemberDraft): FieldErrors {
  const e: Record<string, FieldProblem> = {};
  if (d.name.trim().length < 2) e[memberFieldId("name")] = { kind: "client", key: "required" };
  if (d.email.trim() === "") e[memberFieldId("email")] = { kind: "client", key: "required" };
  else if (canonicalEmail(d.email) === null) e[memberFieldId("email")] = { kind: "client", key: "emailInvalid" };
  return e;
}

export function memberFieldFor(apiField: string): string | null {
  return apiField === "name" || apiField === "email" || apiField === "role" ? memberFieldId(apiField) : null;
}

/** What the last action did, said once above the list. */
export type TeamNotice = { kind: "added" | "linkSent" | "deactivated"; name: string };

export function createTeamStore(api: AdminApi) {
  const list = createLoader(api.staff);
  const draft = signal<MemberDraft>(EMPTY);
  const saver = createSaver();
  const notice = signal<TeamNotice | null>(null);
  const confirmDeactivate = signal<number | null>(null);
  /** Sending a link or deactivating: one at a time. */
  const actionSaver = createSaver();

  const nameOf = (id: number) => list.data.value?.staff.find((s) => s.id === id)?.name ?? "";

  return {
    list,
    draft,
    saver,
    notice,
    confirmDeactivate,
    actionSaver,
    load: () => list.reload(),
    set: <F extends MemberField>(field: F, value: MemberDraft[F]) => {
      draft.value = { ...draft.value, [field]: value };
    },
    async add(): Promise<boolean> {
      const d = draft.value;
      if (saver.saving.value || !saver.check(checkMember(d))) return false;
      notice.value = null;
      const r = await saver.run(() => api.addStaff({ name: d.name.trim(), email: d.email.trim(), role: d.role }), memberFieldFor);
      if (!r.ok) return false;
      batch(() => {
        notice.value = { kind: "added", name: r.value.name };
        draft.value = EMPTY;
      });
      await list.reload();
      return true;
    },
    async sendLink(id: number): Promise<boolean> {
      notice.value = null;
      const r = await actionSaver.run(() => api.sendSignInLink(id));
      if (r.ok) notice.value = { kind: "linkSent", name: nameOf(id) };
      return r.ok;
    },
    askDeactivate: (id: number) => {
      confirmDeactivate.value = id;
    },
    cancelDeactivate: () => {
      confirmDeactivate.value = null;
    },
    async deactivate(): Promise<boolean> {
      const id = confirmDeactivate.value;
      if (id === null) return false;
      notice.value = null;
      const name = nameOf(id);
      const r = await actionSaver.run(() => api.deactivateStaff(id));
      if (!r.ok) return false;
      batch(() => {
        confirmDeactivate.value = null;
        notice.value = { kind: "deactivated", name };
      });
      await list.reload();
      return true;
    },
  };
}
export type TeamStore = ReturnType<typeof createTeamStore>;
