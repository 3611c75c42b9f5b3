import { telHref } from "./format";
import { frame } from "./i18n/frame";
import { locale } from "./locale";
import { office } from "./office";

/**
 * "Neuen Termin buchen" on a page about one booking or number: the booking page books for the
 * deployment's default office only, so for another office it gives that office's phone and e-mail.
 * Nothing until the office has loaded (a link to the wrong office is worse than none).
 */
export function NewBooking({ label }: { label: string }) {
  const o = office.value;
  if (!o) return null;
  if (o.bookableOnline) {
    return (
      // In this page's language: the booking page starts in the language its address names.
      <a class="button" href={`/?lang=${locale.value}`}>
        {label}
      </a>
    );
  }
  const s = frame.value;
  const { phone, email } = o.contact;
  return (
    <p class="new-booking">
      {phone && (
        <>
          {s.rebookByPhone} <a dir="ltr" href={telHref(phone)}>{phone}</a>
        </>
      )}
      {phone && email && " "}
      {email && (
        <>
          {phone !== null ? s.rebookByMailAlso : s.rebookByMail} <a dir="ltr" href={`mailto:${email}`}>{email}</a>
        </>
      )}
    </p>
  );
}
