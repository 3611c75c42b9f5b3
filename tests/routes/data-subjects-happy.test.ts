import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DataSubjectRecord, Erased, EXPORT_FORMAT } from "../../schemas/data-subjects";
import { SCAN_SQL } from "../../worker/db/data-subjects";
import { deliverDue } from "../../worker/mail/sender";
import { MailDeliveryError, type MailTransport } from "../../worker/mail/types";
import { post } from "../helpers/bookings";
import { createOffice, type Office } from "../helpers/fixtures";
import { AFTER, bystander, personWithTraces, search, selection, traces } from "./data-subjects-support";
import { auditRows, signedInAdmin } from "./staff-settings-support";

/*
 * An admin finds a person by each key (also written differently from how it was stored), sees and
 * exports everything stored about them, and erases it: afterwards nothing of them is left in any
 * personal column, mail or audit row, while others stay untouched. Clock: 1 December 2026, the
 * person's appointment of 30 November is over.
 */

describe("search", () => {
  it("finds the booking and the request by e-mail, phone, name and code, written as people write them", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office);
    const other = await bystander(office);

    const both = [p.bookingId, p.requestId].sort();
    const cases: [string, string, string[]][] = [
      ["e-mail as stored", p.email, both],
      ["e-mail in capitals with spaces", `  ${p.email.toUpperCase()} `, both],
      ["phone as stored", p.phone, both],
      ["phone in digits only", "083112345", both],
      ["phone with +49", "+49 831 12345", both],
      ["phone with 0049 and brackets", "0049 (831) 123 45", both],
      ["full name", "Ayşe Yılmaz", both],
      ["name without accents, other case, extra spaces", "  ayse   YILMAZ ", both],
      ["part of the name (≥ 3 letters)", "yilm", both],
      ["code in lower case", p.code.toLowerCase(), [p.bookingId]],
    ];
    for (const [what, query, ids] of cases) {
      const found = await search(admin, query);
      expect(found.bookings.map((b) => b.id).sort(), what).toEqual(ids);
      expect(found.bookings.map((b) => b.id), what).not.toContain(other);
    }

    const byMail = await search(admin, p.email);
    expect(byMail.keys).toEqual(["email"]);
    expect(byMail.bookings.find((b) => b.id === p.bookingId)).toMatchObject({ kind: "slot", status: "completed", name: p.name, matchedBy: ["email"], erasable: true });
    expect(byMail.bookings.find((b) => b.id === p.requestId)).toMatchObject({ kind: "request", status: "cancelled", erasable: true });
    // The mail to the address that belongs to no booking is listed on its own; the bookings' mails come with them.
    expect(byMail.mails.map((m) => m.id)).toEqual([p.looseMailId]);
    expect(byMail.truncated).toBe(false);
  });

  it("does not find by two letters inside a name, nor a stranger with a similar number", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    await personWithTraces(office);
    expect((await search(admin, "yi")).bookings).toEqual([]);
    expect((await search(admin, "0831 12346")).bookings).toEqual([]);
    expect((await search(admin, "ayse@example.org")).bookings).toEqual([]);
  });

  it("by name or phone reads only the office's rows that are not erased, however many erased ones there are", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 LIMIT 1").bind(office.id).first<{ id: number }>();
    const erased = 20_000;
    await env.DB.prepare(
      `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?3)
       INSERT INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, code, created_at, updated_at, erased_at)
       SELECT ?1 || '-erased-' || i, ?1, 'slot', 'completed', ?2, '2025-01-06T09:00:00.000Z', '2025-01-06T09:30:00.000Z', '~' || ?1 || i,
              '2025-01-01T00:00:00.000Z', '2025-01-06T09:30:00.000Z', '2025-02-06T09:30:00.000Z' FROM s`,
    )
      .bind(office.id, topic!.id, erased)
      .run();
    const p = await personWithTraces(office, "Nina Namens");
    const live = await env.DB.prepare("SELECT count(*) AS n FROM bookings WHERE location_id = ?1 AND erased_at IS NULL").bind(office.id).first<{ n: number }>();

    const { results, meta } = await env.DB.prepare(SCAN_SQL).bind(office.id, 0, 5_000).all();
    expect(results).toHaveLength(live!.n);
    expect(meta.rows_read).toBeLessThanOrEqual(live!.n + 1);
    expect((await search(admin, "Nina Namens")).bookings.map((b) => b.id).sort()).toEqual([p.bookingId, p.requestId].sort());
  });

  it("finds accessibility feedback by the sender's address, phone or name in its text, and erases it", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const fields = { message: "Die Schrift ist zu klein.", name: "Hildegard Feedbäckerin", contact: "Hildegard@Example.org, 0831 / 55 44 33", lang: "de" };
    const sent = await office.request(
      "/barrierefreiheit",
      { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() },
      AFTER,
    );
    expect(sent.status).toBeLessThan(400);
    const feedback = await env.DB.prepare("SELECT id FROM mail_outbox WHERE location_id = ?1 AND kind = 'accessibility_feedback'").bind(office.id).first<{ id: string }>();

    for (const [query, by] of [["hildegard@example.org", "email"], ["+49 831 554433", "phone"], ["Feedbaeckerin Hildegard", "name"]] as const) {
      expect((await search(admin, query)).mails.map((m) => [m.id, m.matchedBy]), query).toEqual([[feedback!.id, [by]]]);
    }
    expect((await search(admin, "Hildegard Meier")).mails).toEqual([]);

    const res = await admin.post("/admin/data-subjects/erase", { mails: [feedback!.id] });
    expect(Erased.parse(await res.json())).toMatchObject({ mails: 1 });
    expect(await traces(office, ["Hildegard", "Feedbäckerin", "554433", "55 44 33"])).toEqual([]);
    expect((await search(admin, "hildegard@example.org")).mails).toEqual([]);
  });

  it("finds a mail without a booking only by what the person filled in or the address it went to", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office, "Jana Bergmann");
    const fields = { message: "Die Schrift auf Deutsch ist zu klein, bitte Name: Kontakt: größer.", name: "Erika Huber", contact: "08083 123456", lang: "de" };
    const sent = await office.request(
      "/barrierefreiheit",
      { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() },
      AFTER,
    );
    expect(sent.status).toBeLessThan(400);

    // The template's words, the message's words, the end of the sender's number: nobody.
    for (const query of ["Deutsch", "Nachricht", "Rückmeldung Barrierefreiheit", "Schrift", "0831 23456", "123456"]) {
      expect((await search(admin, query)).mails, query).toEqual([]);
    }
    expect((await search(admin, "Erika Huber")).mails.map((m) => m.matchedBy)).toEqual([["name"]]);
    expect((await search(admin, "08083 123456")).mails.map((m) => m.matchedBy)).toEqual([["phone"]]);
    // A staff sign-in mail says "Hallo Jana Bergmann" but is found by its address only.
    expect((await search(admin, "Jana Bergmann")).mails).toEqual([]);
    expect((await search(admin, p.email)).mails.map((m) => [m.id, m.matchedBy])).toEqual([[p.looseMailId, ["email"]]]);
    // A full name typed: its words but the last are whole words.
    expect((await search(admin, "Jan Berg")).bookings).toEqual([]);
    expect((await search(admin, "Jana Berg")).bookings.map((b) => b.id).sort()).toEqual([p.bookingId, p.requestId].sort());
  });

  it("is audited with the kinds of key and the ids found, never the search text", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office);
    await search(admin, p.email);
    const row = (await auditRows(office)).find((r) => r.action === "data_subject.search")!;
    expect(row).toMatchObject({ actor_kind: "staff", actor_id: String(admin.id), subject_kind: null });
    expect(row.detail).toEqual({ keys: ["email"], bookings: expect.arrayContaining([p.bookingId, p.requestId]), mails: [p.looseMailId] });
    expect(await traces(office, [p.email, p.name])).toEqual(expect.not.arrayContaining([expect.stringMatching(/^audit_events/)]));
  });
});

describe("view and export", () => {
  it("answers every stored column, the history, the queue number and the mails with their bodies", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office);
    const res = await admin.get(`/admin/data-subjects/record?${selection([p.bookingId, p.requestId], [p.looseMailId])}`);
    expect(res.status).toBe(200);
    const record = DataSubjectRecord.parse(await res.json());
    expect(record.format).toBe(EXPORT_FORMAT);
    const booking = record.bookings.find((b) => b.id === p.bookingId)!;
    expect(booking).toMatchObject({ name: p.name, email: p.email, phone: p.phone, note: `Bitte rufen Sie ${p.name} an.`, code: p.code, manageLinks: 1 });
    expect(booking.events.map((e) => e.status)).toEqual(["confirmed"]);
    expect(booking.queueNumbers).toEqual([expect.objectContaining({ id: p.ticketId, number: "T 1", statusLinks: 1 })]);
    const request = record.bookings.find((b) => b.id === p.requestId)!;
    expect(request).toMatchObject({ wish: `${p.name} kann nur abends`, preferredWeekdays: [4], preferredTimes: ["evening"] });
    expect(request.events.map((e) => e.status)).toEqual(["requested", "cancelled"]);
    expect(record.mails.filter((m) => m.bookingId === p.bookingId).map((m) => m.kind)).toEqual(
      expect.arrayContaining(["booking_confirmed", "booking_reminder"]),
    );
    const confirmation = record.mails.find((m) => m.kind === "booking_confirmed")!;
    expect(confirmation.textBody).toContain(p.name);
    // The manage link's secret is hidden, as in the outbox: whoever reads the record cannot act as the person.
    expect(confirmation.textBody).toContain("/manage#…");
    for (const m of record.mails) expect(`${m.textBody}${m.htmlBody}${m.ics}`).not.toContain(p.manageToken);
    expect(record.mails.some((m) => m.id === p.looseMailId)).toBe(true);
  });

  it("gives the JSON as a file that parses with its schema, and a German page to print", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office);
    const query = selection([p.bookingId]);

    const file = await admin.get(`/admin/data-subjects/export.json?${query}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="auskunft-2026-12-01.json"');
    const record = DataSubjectRecord.parse(JSON.parse(await file.text()));
    expect(record.bookings.map((b) => [b.id, b.email])).toEqual([[p.bookingId, p.email]]);

    const schema = await admin.get("/admin/data-subjects/export.schema.json");
    expect(schema.status).toBe(200);
    expect(await schema.json()).toMatchObject({ type: "object", properties: { format: { const: EXPORT_FORMAT } } });

    const page = await admin.get(`/admin/data-subjects/export.html?${query}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Auskunft über gespeicherte Daten");
    expect(html).toContain(p.name);
    expect(html).toContain(p.email);
    expect(html).toContain("30.11.2026, 13:00 Uhr");
    expect(html).toContain('<link rel="stylesheet" href="/print/auskunft.css">');

    const actions = (await auditRows(office)).map((r) => [r.action, r.detail]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["data_subject.export_json", { bookings: [p.bookingId], mails: expect.any(Array) }],
        ["data_subject.export_html", { bookings: [p.bookingId], mails: expect.any(Array) }],
      ]),
    );
  });

  it("escapes what people typed on the printable page", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office, "Eve <script>alert(1)</script>");
    const html = await (await admin.get(`/admin/data-subjects/export.html?${selection([p.bookingId])}`)).text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("Eve &#60;script&#62;");
  });
});

describe("erase", () => {
  it("removes every trace of the person in one go, leaves others alone, and the person is not found again", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office);
    const other = await bystander(office);
    const found = await search(admin, p.email);

    const res = await admin.post("/admin/data-subjects/erase", { bookings: found.bookings.map((b) => b.id), mails: found.mails.map((m) => m.id) });
    expect(res.status, await res.clone().text()).toBe(200);
    const erased = Erased.parse(await res.json());
    expect(erased.bookings).toBe(2);
    expect(erased.mails).toBeGreaterThanOrEqual(3);

    const needles = [p.name, "Yılmaz", p.email, p.phone, "12345", p.code];
    expect(await traces(office, needles)).toEqual([]);
    const links = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM booking_tokens WHERE booking_id IN (?1, ?2)) AS manage,
              (SELECT count(*) FROM ticket_tokens WHERE ticket_id = ?3) AS status`,
    )
      .bind(p.bookingId, p.requestId, p.ticketId)
      .first();
    expect(links).toEqual({ manage: 0, status: 0 });
    // What stays: ids, times, topic, channel, status, the history.
    const kept = await env.DB.prepare("SELECT status, starts_at, source, erased_at FROM bookings WHERE id = ?1").bind(p.bookingId).first();
    expect(kept).toEqual({ status: "completed", starts_at: "2026-11-30T12:00:00.000Z", source: "online", erased_at: AFTER.toISOString() });

    for (const query of [p.email, p.name, p.phone, p.code]) expect((await search(admin, query)).bookings).toEqual([]);
    expect((await search(admin, p.email)).mails).toEqual([]);
    expect((await search(admin, "Erika Müller")).bookings.map((b) => b.id)).toEqual([other]);
    expect((await admin.get(`/api/bookings/manage/${p.manageToken}`, AFTER)).status).toBe(404);

    const audit = (await auditRows(office)).find((r) => r.action === "data_subject.erase")!;
    expect(audit).toMatchObject({ actor_kind: "staff", actor_id: String(admin.id) });
    expect(audit.detail).toEqual({ bookings: found.bookings.map((b) => b.id), mails: [p.looseMailId] });
  });

  it("erasing again changes nothing and answers that nothing more went", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office);
    const body = { bookings: [p.bookingId], mails: [p.looseMailId] };
    expect((await admin.post("/admin/data-subjects/erase", body)).status).toBe(200);
    const again = await admin.post("/admin/data-subjects/erase", body, new Date(AFTER.getTime() + 60_000));
    expect(again.status).toBe(200);
    expect(Erased.parse(await again.json())).toEqual({ bookings: 0, mails: 0, mailsOnTheirWay: 0 });
  });

  describe("a mail still on its way (the relay was down when staff cancelled)", () => {
    /** A cancellation mail of `bookingId` waiting in the queue, as a sender that failed once leaves it. */
    async function waiting(office: Office, bookingId: string, email: string): Promise<string> {
      const id = crypto.randomUUID();
      await env.DB.prepare(
        `INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, status, attempts,
                                  next_attempt_at, last_error, created_at)
         VALUES (?1, ?2, ?3, 'booking_cancelled', ?4, 'Ihr Termin ist abgesagt', 'Guten Tag', ?5, 'pending', 1, ?6, 'relay down', ?6)`,
      )
        .bind(id, office.id, bookingId, email, `<${id}@test>`, AFTER.toISOString())
        .run();
      return id;
    }
    const mailRow = (id: string) =>
      env.DB.prepare("SELECT status, to_address, subject, erased_at FROM mail_outbox WHERE id = ?1").bind(id).first();

    it.each<[string, MailTransport["send"], string]>([
      ["sent", async () => {}, "sent"],
      ["refused for good", async () => Promise.reject(new MailDeliveryError("550 no such user", true)), "failed"],
    ])("is delivered after the erasure, not withdrawn, and emptied the moment it is %s", async (_, send, finalStatus) => {
      const office = await createOffice();
      const admin = await signedInAdmin(office, "admin", AFTER);
      const p = await personWithTraces(office);
      const mailId = await waiting(office, p.bookingId, p.email);

      const res = await admin.post("/admin/data-subjects/erase", { bookings: [p.bookingId] });
      expect(res.status).toBe(200);
      expect(Erased.parse(await res.json())).toMatchObject({ bookings: 1, mailsOnTheirWay: 1 });
      expect(await mailRow(mailId)).toEqual({ status: "pending", to_address: p.email, subject: "Ihr Termin ist abgesagt", erased_at: null });

      const to: string[] = [];
      const later = new Date(AFTER.getTime() + 5 * 60_000);
      await deliverDue({ db: env.DB, transport: { send: (m) => (to.push(m.to), send(m)) }, from: "t@example.org", now: later });
      expect(to).toEqual([p.email]);
      expect(await mailRow(mailId)).toEqual({ status: finalStatus, to_address: "", subject: "", erased_at: later.toISOString() });
      const full = await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE booking_id = ?1 AND (to_address <> '' OR text_body <> '')")
        .bind(p.bookingId)
        .first();
      expect(full).toEqual({ n: 0 });
    });

    it("stays whole while it waits for another try (only a finished mail is emptied)", async () => {
      const office = await createOffice();
      const admin = await signedInAdmin(office, "admin", AFTER);
      const p = await personWithTraces(office);
      const mailId = await waiting(office, p.bookingId, p.email);
      expect((await admin.post("/admin/data-subjects/erase", { bookings: [p.bookingId] })).status).toBe(200);

      const transport: MailTransport = { send: async () => Promise.reject(new MailDeliveryError("421 try later", false)) };
      await deliverDue({ db: env.DB, transport, from: "t@example.org", now: new Date(AFTER.getTime() + 5 * 60_000) });
      expect(await mailRow(mailId)).toMatchObject({ status: "pending", to_address: p.email, erased_at: null });
    });

    it("without a booking (feedback, a sign-in mail) is withdrawn and emptied at once, waiting or being sent", async () => {
      const office = await createOffice();
      const admin = await signedInAdmin(office, "admin", AFTER);
      const loose = async (kind: string, status: "pending" | "sending") => {
        const id = crypto.randomUUID();
        await env.DB.prepare(
          `INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, status, attempts,
                                    next_attempt_at, last_error, created_at)
           VALUES (?1, ?2, NULL, ?3, 'zora.quast@example.org', 'Zora Quast', 'Name:\n  Zora Quast', ?4, ?5, 1, ?6, 'relay down', ?6)`,
        )
          .bind(id, office.id, kind, `<${id}@test>`, status, AFTER.toISOString())
          .run();
        return id;
      };
      const waitingId = await loose("accessibility_feedback", "pending");
      const sendingId = await loose("staff_sign_in", "sending");

      const res = await admin.post("/admin/data-subjects/erase", { mails: [waitingId, sendingId] });
      expect(res.status).toBe(200);
      expect(Erased.parse(await res.json())).toEqual({ bookings: 0, mails: 2, mailsOnTheirWay: 0 });
      for (const id of [waitingId, sendingId]) {
        expect(await mailRow(id)).toEqual({ status: "cancelled", to_address: "", subject: "", erased_at: AFTER.toISOString() });
      }
      expect(await traces(office, ["Zora", "Quast"])).toEqual([]);

      const to: string[] = [];
      await deliverDue({ db: env.DB, transport: { send: async (m) => void to.push(m.to) }, from: "t@example.org", now: new Date(AFTER.getTime() + 60 * 60_000) });
      expect(to).not.toContain("zora.quast@example.org");
      const row = (await auditRows(office)).find((r) => r.action === "data_subject.erase")!;
      expect(row.detail).toEqual({ bookings: [], mails: [waitingId, sendingId] });
    });

    it("the holder's own erasure says so", async () => {
      const office = await createOffice();
      const p = await personWithTraces(office);
      await waiting(office, p.bookingId, p.email);
      const res = await post(office, `/api/bookings/manage/${p.manageToken}/erase`, {}, { now: AFTER });
      expect(res.status).toBe(200);
      expect(Erased.parse(await res.json())).toMatchObject({ bookings: 1, mailsOnTheirWay: 1 });
    });
  });
});
