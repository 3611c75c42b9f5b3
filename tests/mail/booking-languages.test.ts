import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createOffice } from "../helpers/fixtures";
import { bookedOnline } from "../helpers/staff-bookings";
import { affectedList, mailsWithText } from "../routes/closures-support";
import { signedInAdmin } from "../routes/staff-settings-support";

/*
 * The language travels from the booking to its mails, through the real API and the outbox: a booking made
 * in Turkish gets its confirmation in Turkish; a closure cancelling appointments booked in Ukrainian and
 * Arabic tells each person in their language that the office is closed, with the reason as the office
 * wrote it (German where it wrote none in that language).
 */

async function confirmation(bookingId: string) {
  return env.DB.prepare("SELECT subject, text_body, html_body FROM mail_outbox WHERE booking_id = ?1 AND kind = 'booking_confirmed'")
    .bind(bookingId)
    .first<{ subject: string; text_body: string; html_body: string }>();
}

describe("a booking's language in its mails", () => {
  it("booked in Turkish: the confirmation in the outbox is Turkish", async () => {
    const office = await createOffice();
    const booking = await bookedOnline(office, { locale: "tr", name: "Ayşe Yılmaz" });
    const mail = await confirmation(booking.id);
    expect(mail!.subject).toMatch(/^Randevunuz: 30 Kasım 2026 Pazartesi, saat 13:00 – /);
    expect(mail!.text_body).toContain("Merhaba Ayşe Yılmaz,");
    expect(mail!.text_body).toContain("Randevunuz alındı.");
    expect(mail!.html_body).toContain('<html lang="tr" dir="ltr">');
  });

  it("a closure cancels appointments booked in Ukrainian and Arabic: each mail says so in its language", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const ukrainian = await bookedOnline(office, { locale: "uk" }); // 13:00
    const arabic = await bookedOnline(office, { start: "2026-11-30T14:00:00+01:00", locale: "ar" });
    const closure = { firstDay: "2026-11-30", lastDay: "2026-11-30", reasonDe: "Krankheit im Team", reasonEn: "Illness in the team" };
    const listed = await affectedList(await admin.post("/admin/closures", closure));
    const res = await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: listed.map((b) => b.id) } });
    expect(res.status).toBe(201);
    for (const [booking, words] of [
      [ukrainian, ["Ваш прийом скасовано.", "Повідомлення з офісу:\n  Цього дня офіс зачинено. Причина: Krankheit im Team"]],
      [arabic, ["تم إلغاء موعدكم.", "رسالة من المكتب:\n  المكتب مغلق في هذا اليوم. السبب: Krankheit im Team"]],
    ] as const) {
      const cancel = (await mailsWithText(booking.id)).find((m) => m.kind === "booking_cancelled");
      expect(cancel?.ics_method).toBe("CANCEL");
      for (const w of words) expect(cancel!.text_body).toContain(w);
    }
  });
});
