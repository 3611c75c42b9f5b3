import { signal } from "@preact/signals";
import { describe, expect, it } from "vitest";
import type { LostLinkAccepted, LostLinkRequest } from "../../schemas/bookings";
import { ApiError } from "../../kiosk/shared/api";
import { createLostLinkForm, type LostLinkDeps } from "../../kiosk/shared/lost-link";

/*
 * "Link verloren?"'s store (kiosk/shared/lost-link.ts) without a DOM: the address checked before anything
 * is sent, and, when the office has Turnstile on, the security check's token sent along (the API refuses
 * the request without it), used once, and asked for afresh after every submit. The fake API records
 * each body and answers when the test says.
 */

function world(options: { siteKey?: string | null; slug?: string } = {}) {
  const sent: { body: LostLinkRequest; answer(): void; refuse(error: unknown): void }[] = [];
  const deps: LostLinkDeps = {
    send: (body) =>
      new Promise<LostLinkAccepted>((resolve, reject) => {
        sent.push({ body, answer: () => resolve({ status: "accepted" }), refuse: reject });
      }),
    office: signal({ turnstileSiteKey: options.siteKey ?? null }),
    slug: options.slug,
  };
  return { form: createLostLinkForm(deps), sent };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("Link verloren? without Turnstile", () => {
  it("sends the address (and the office asked for), no token, and says the same words whatever the answer holds", async () => {
    const w = world({ slug: "kempten-ost" });
    expect(w.form.turnstileSiteKey.value).toBeNull();
    w.form.setEmail("  anna@example.org ");
    const done = w.form.submit();
    expect(w.form.sending.value).toBe(true);
    void w.form.submit(); // a second click while the first is on its way
    expect(w.sent.map((s) => s.body)).toEqual([{ email: "anna@example.org", office: "kempten-ost" }]);
    w.sent[0]!.answer();
    await done;
    expect(w.form.outcome.value).toEqual({ kind: "sent" });
    expect(w.form.turnstileResets.value).toBe(0);
  });

  it("sends nothing for a missing or malformed address, and says which", async () => {
    const w = world();
    await w.form.submit();
    expect(w.form.error.value).toBe("emailMissing");
    w.form.setEmail("anna@");
    await w.form.submit();
    expect(w.form.error.value).toBe("emailInvalid");
    expect(w.sent).toEqual([]);
  });

  it("says how long to wait when too many were asked for", async () => {
    const w = world();
    w.form.setEmail("anna@example.org");
    const done = w.form.submit();
    w.sent[0]!.refuse(new ApiError("rate_limited", "too many", 429, undefined, 150));
    await done;
    expect(w.form.outcome.value).toEqual({ kind: "rateLimited", minutes: 3 });
  });
});

describe("Link verloren? with the office's Turnstile on", () => {
  it("waits for the check's token, sends it along, and asks the widget for a fresh one after the answer", async () => {
    const w = world({ siteKey: "0x4AAA" });
    expect(w.form.turnstileSiteKey.value).toBe("0x4AAA");
    w.form.setEmail("anna@example.org");
    await w.form.submit();
    // No token yet (the widget is still checking): nothing goes out, the form says to wait.
    expect(w.sent).toEqual([]);
    expect(w.form.outcome.value).toEqual({ kind: "securityWait" });

    w.form.turnstileToken.value = "tok-1";
    const done = w.form.submit();
    expect(w.sent.map((s) => s.body)).toEqual([{ email: "anna@example.org", turnstileToken: "tok-1" }]);
    w.sent[0]!.answer();
    await done;
    expect(w.form.outcome.value).toEqual({ kind: "sent" });
    // A token works once: gone, and the widget is reset for the next submit.
    expect(w.form.turnstileToken.value).toBeNull();
    expect(w.form.turnstileResets.value).toBe(1);
  });

  it("says the check failed when the API refuses the token, and sends the next one only when the widget gives it", async () => {
    const w = world({ siteKey: "0x4AAA" });
    w.form.setEmail("anna@example.org");
    w.form.turnstileToken.value = "tok-1";
    const first = w.form.submit();
    w.sent[0]!.refuse(new ApiError("turnstile_failed", "failed", 400, "turnstileToken"));
    await first;
    expect(w.form.outcome.value).toEqual({ kind: "securityFailed" });
    expect(w.form.turnstileResets.value).toBe(1);
    await w.form.submit();
    expect(w.sent).toHaveLength(1);
    w.form.turnstileToken.value = "tok-2";
    void w.form.submit();
    await settle();
    expect(w.sent.map((s) => s.body.turnstileToken)).toEqual(["tok-1", "tok-2"]);
  });
});
