import { describe, expect, it } from "vitest";
import { ApiError } from "../../kiosk/shared/api";
import type { FeedApi, OutboxApi } from "../../kiosk/staff/admin/api";
import { createFeedStore } from "../../kiosk/staff/admin/feed";
import { canResend, createOutboxStore, OUTBOX_STATUSES, statusSign, statusTone } from "../../kiosk/staff/admin/outbox";
import { ADMIN_STRINGS } from "./catalogs";
import { detailText, when } from "../../kiosk/staff/admin/view";
import { OutboxStatus } from "../../schemas/rows";
import type { OutboxItem } from "../../schemas/staff-bookings";

/*
 * "Postausgang" and "Kalender-Abo": every status has words in both languages (never colour alone),
 * "Erneut senden" only where the API allows it, a resent mail updates its row at once; the feed shows
 * its addresses once, copies them, and forgets them when revoked.
 */

describe("outbox statuses", () => {
  it("a status pill starts with its words or a sign, never a dash (issue 11: the stray \"–\")", () => {
    const signs = Object.fromEntries(OUTBOX_STATUSES.map((st) => [st, statusSign(statusTone(st))]));
    expect(signs).toEqual({ pending: "…", sending: "…", sent: "✓", captured: null, failed: "✕", cancelled: null });
  });

  it("covers every status the schema knows", () => {
    expect([...OUTBOX_STATUSES].sort()).toEqual([...OutboxStatus.options].sort());
  });

  it("has the words of the issue, in German and English", () => {
    expect(ADMIN_STRINGS.de.outboxStatus).toEqual({
      pending: "Wartet",
      sending: "Wird gesendet",
      sent: "Gesendet",
      captured: "Nur gespeichert (keine Mail-Einstellungen)",
      failed: "Fehlgeschlagen",
      cancelled: "Zurückgezogen",
    });
    for (const st of OUTBOX_STATUSES) expect(ADMIN_STRINGS.en.outboxStatus[st]).toMatch(/\w/);
  });

  it.each([
    ["failed", true, "problem"],
    ["captured", true, "neutral"],
    ["sent", true, "ok"],
    ["pending", false, "wait"],
    ["sending", false, "wait"],
    ["cancelled", false, "neutral"],
  ] as const)("%s: resend %s, tone %s", (status, resend, tone) => {
    expect(canResend({ status, erasedAt: null })).toBe(resend);
    expect(statusTone(status)).toBe(tone);
  });

  it.each(["failed", "captured", "sent"] as const)("an erased %s mail is not offered again (nothing is left to send)", (status) => {
    expect(canResend({ status, erasedAt: "2026-12-31T09:00:00.000Z" })).toBe(false);
  });
});

const mail = (over: Partial<OutboxItem>): OutboxItem => ({
  id: "m1",
  kind: "booking_confirmed",
  to: "ayse@example.org",
  subject: "Ihr Termin am Montag",
  status: "failed",
  attempts: 3,
  lastError: "550 mailbox unavailable",
  createdAt: "2026-11-30T12:00:00.000Z",
  sentAt: null,
  nextAttemptAt: "2026-11-30T12:00:00.000Z",
  bookingId: "b1",
  icsMethod: "REQUEST",
  erasedAt: null,
  ...over,
});

function outboxApi(over: Partial<OutboxApi>): OutboxApi & { asked: (string | null)[] } {
  const asked: (string | null)[] = [];
  return {
    asked,
    list: (status) => {
      asked.push(status);
      return over.list ? over.list(status) : Promise.resolve({ mails: [mail({}), mail({ id: "m2", status: "sent", lastError: null })] });
    },
    read: over.read ?? (() => Promise.reject(new Error("unexpected read"))),
    resend: over.resend ?? (() => Promise.reject(new Error("unexpected resend"))),
  };
}

describe("the outbox store", () => {
  it("loads, filters by status, and asks again with the filter", async () => {
    const api = outboxApi({});
    const store = createOutboxStore(api);
    await store.load();
    expect(store.list.data.value!.mails.map((m) => m.id)).toEqual(["m1", "m2"]);
    store.setFilter("failed");
    await new Promise((r) => setTimeout(r, 0));
    expect(api.asked).toEqual([null, "failed"]);
  });

  it("shows a resent mail's new state in its row and in the reader at once", async () => {
    const api = outboxApi({
      read: (id) => Promise.resolve({ ...mail({ id }), text: "Guten Tag …", ics: null }),
      resend: (id) => Promise.resolve(mail({ id, status: "pending", attempts: 0, lastError: null })),
    });
    const store = createOutboxStore(api);
    await store.load();
    await store.read("m1");
    expect(store.reading.value!.text).toBe("Guten Tag …");
    expect(await store.resend("m1")).toBe(true);
    expect(store.list.data.value!.mails[0]).toMatchObject({ id: "m1", status: "pending", attempts: 0 });
    expect(store.list.data.value!.mails[1]!.status).toBe("sent");
    expect(store.reading.value).toMatchObject({ status: "pending", text: "Guten Tag …" });
    expect(store.resent.value).toEqual({ id: "m1", status: "pending" });
    store.closeReader();
    expect(store.reading.value).toBeNull();
  });

  it("says why a resend was refused and leaves the row as it was", async () => {
    const api = outboxApi({ resend: () => Promise.reject(new ApiError("mail_not_resendable", "pending", 409)) });
    const store = createOutboxStore(api);
    await store.load();
    expect(await store.resend("m1")).toBe(false);
    expect(store.resendSaver.failure.value).toBe("conflict");
    expect(store.list.data.value!.mails[0]!.status).toBe("failed");
    expect(store.resent.value).toBeNull();
  });

  it("a mail that cannot be read says so instead of opening an empty reader", async () => {
    const store = createOutboxStore(outboxApi({ read: () => Promise.reject(new ApiError("not_found", "gone", 404)) }));
    await store.read("m9");
    expect(store.reading.value).toBeNull();
    expect(store.readFailure.value).toBe("notFound");
  });
});

describe("the calendar feed store", () => {
  const created = { url: "webcal://termine.example.org/api/calendar/abc.ics", httpsUrl: "https://termine.example.org/api/calendar/abc.ics" };

  it("creates a feed, copies either address, and forgets it when revoked", async () => {
    const copied: string[] = [];
    let revoked = 0;
    const api: FeedApi = { create: () => Promise.resolve(created), revoke: () => Promise.resolve(void revoked++) };
    const store = createFeedStore(api, (t) => Promise.resolve(void copied.push(t)));
    expect(await store.create()).toBe(true);
    expect(store.feed.value).toEqual(created);
    await store.copy("webcal");
    await store.copy("https");
    expect(copied).toEqual([created.url, created.httpsUrl]);
    expect(store.copied.value).toBe("https");
    store.askRevoke();
    expect(await store.revoke()).toBe(true);
    expect(revoked).toBe(1);
    expect(store.feed.value).toBeNull();
    expect(store.revoked.value).toBe(true);
    expect(store.confirmRevoke.value).toBe(false);
  });

  it("says when the browser refuses to copy", async () => {
    const api: FeedApi = { create: () => Promise.resolve(created), revoke: () => Promise.resolve() };
    const store = createFeedStore(api, () => Promise.reject(new DOMException("denied", "NotAllowedError")));
    await store.create();
    await store.copy("webcal");
    expect(store.copied.value).toBe("failed");
  });

  it("keeps the feed when revoking fails", async () => {
    const api: FeedApi = { create: () => Promise.resolve(created), revoke: () => Promise.reject(new ApiError("network", "x", 0)) };
    const store = createFeedStore(api, () => Promise.resolve());
    await store.create();
    store.askRevoke();
    expect(await store.revoke()).toBe(false);
    expect(store.feed.value).toEqual(created);
    expect(store.saver.failure.value).toBe("network");
  });
});

describe("formatting", () => {
  it("shows instants in the office's zone, DST included", () => {
    expect(when("2026-11-30T12:05:00.000Z", "Europe/Berlin", "de")).toBe("Montag, 30. November 2026, 13:05");
    expect(when("2026-07-01T22:30:00.000Z", "Europe/Berlin", "en")).toBe("Thursday, 2 July 2026, 00:30");
  });

  it("writes audit details as changes", () => {
    expect(detailText({ seats_per_slot: { from: 1, to: 2 }, label: "Tablet" })).toBe("seats_per_slot: 1 → 2; label: Tablet");
    expect(detailText(null)).toBe("");
  });
});

describe("the admin words", () => {
  it("English has every key German has", () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" && !Array.isArray(v) ? keys(v).map((x) => `${k}.${x}`) : [k]));
    expect(keys(ADMIN_STRINGS.en).sort()).toEqual(keys(ADMIN_STRINGS.de).sort());
  });
});
