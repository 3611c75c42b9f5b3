/*
 * "Postausgang": the office's mails with their status, the error of failed ones, "Erneut senden", and
 * one mail opened to read (its text as sent, e.g. a captured mail in development).
 */
import { batch, signal } from "@preact/signals";
import type { OutboxStatus } from "../../../schemas/rows";
import type { OutboxItem, OutboxMail } from "../../../schemas/staff-bookings";
import type { OutboxApi } from "./api";
import { staffFailure, type StaffFailure } from "../failure";
import { createLoader, createSaver } from "./form";

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ["pending", "sending", "sent", "captured", "failed", "cancelled"];

/**
 * Whether "Erneut senden" is offered: the API resends failed, captured and sent mails and refuses the
 * others (409 `mail_not_resendable`): pending and sending ones are on their way, cancelled ones were
 * withdrawn on purpose; and an erased one (409 `mail_erased`), which has nothing left to send.
 */
export function canResend(mail: Pick<OutboxItem, "status" | "erasedAt">): boolean {
  return mail.erasedAt === null && (mail.status === "failed" || mail.status === "captured" || mail.status === "sent");
}

/** The status is said in words and marked with a sign, so it never rests on colour alone. */
export function statusTone(status: OutboxStatus): "ok" | "wait" | "problem" | "neutral" {
  switch (status) {
    case "sent":
      return "ok";
    case "pending":
    case "sending":
      return "wait";
    case "failed":
      return "problem";
    case "captured":
    case "cancelled":
      return "neutral";
  }
}

/**
 * The sign before a status's words, or none: a neutral status (kept without a transport, withdrawn) has
 * no sign, since a dash before its words read as a stray "–". Decorative: the words carry the meaning.
 */
export function statusSign(tone: ReturnType<typeof statusTone>): string | null {
  return { ok: "✓", wait: "…", problem: "✕", neutral: null }[tone];
}

export function createOutboxStore(api: OutboxApi) {
  const filter = signal<OutboxStatus | null>(null);
  const list = createLoader(() => api.list(filter.value));
  /** The mail open in the reader. */
  const reading = signal<OutboxMail | null>(null);
  const readFailure = signal<StaffFailure | null>(null);
  const resendSaver = createSaver();
  /**
   * The mail just sent again and its state now: `pending` when it goes out, `captured` again when the
   * deployment has no mail settings (then it is only stored once more).
   */
  const resent = signal<{ id: string; status: OutboxStatus } | null>(null);

  return {
    filter,
    list,
    reading,
    readFailure,
    resendSaver,
    resent,
    load: () => list.reload(),
    setFilter(status: OutboxStatus | null) {
      filter.value = status;
      void list.reload();
    },
    async read(id: string): Promise<void> {
      readFailure.value = null;
      try {
        reading.value = await api.read(id);
      } catch (error) {
        readFailure.value = staffFailure(error);
      }
    },
    closeReader: () => {
      reading.value = null;
    },
    async resend(id: string): Promise<boolean> {
      resent.value = null;
      const r = await resendSaver.run(() => api.resend(id));
      if (!r.ok) return false;
      const item: OutboxItem = r.value;
      const data = list.data.value;
      batch(() => {
        // The answer is the mail as it is now: show it at once, before the list is fetched again.
        if (data) list.data.value = { mails: data.mails.map((m) => (m.id === id ? item : m)) };
        if (reading.value?.id === id) reading.value = { ...reading.value, ...item };
        resent.value = { id, status: item.status };
      });
      return true;
    },
  };
}
export type OutboxStore = ReturnType<typeof createOutboxStore>;
