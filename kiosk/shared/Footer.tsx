import { LEGAL_LINK_TEXT, legalPath } from "../../common/legal/links";
import { LEGAL_PAGES, type LegalPage } from "../../common/legal/types";
import type { Locale } from "../../common/i18n/languages";
import { telHref } from "./format";
import { ExtraHours, WeeklyHours } from "./Hours";
import { frame } from "./i18n/frame";
import { locale } from "./locale";
import { office } from "./office";
import { OfficeWords } from "./Localized";

/**
 * Address, phone, e-mail and opening hours: what someone needs who would rather come by or call; and the
 * office's Impressum, privacy notice and accessibility statement, on their own pages.
 */
export function Footer() {
  const o = office.value;
  if (!o) return null;
  const s = frame.value;
  const lang = locale.value;
  const { address, contact } = o;
  return (
    <footer class="footer">
      <div class="page footer__inner">
        <div>
          <h2>{s.contactHeading}</h2>
          <address>
            <p>
              <OfficeWords>{o.shortName}</OfficeWords>
              <br />
              <OfficeWords>{address.street}</OfficeWords>
              <br />
              <OfficeWords>{[address.postalCode, address.city].filter(Boolean).join(" ")}</OfficeWords>
            </p>
            {contact.phone && (
              <p>
                {s.phone} <a dir="ltr" href={telHref(contact.phone)}>{contact.phone}</a>
              </p>
            )}
            {contact.email && (
              <p>
                {s.email} <a dir="ltr" href={`mailto:${contact.email}`}>{contact.email}</a>
              </p>
            )}
          </address>
        </div>
        <div>
          <h2>{s.hoursHeading}</h2>
          <WeeklyHours />
          <p>{s.otherwiseByArrangement}</p>
          <ExtraHours />
        </div>
        <nav aria-label={s.legalNav}>
          <ul class="footer__legal" role="list">
            {LEGAL_PAGES.map((page) => (
              <li key={page}>
                <a href={legalPath(page, { lang, office: o.slug })}>{legalLinkText(lang)[page]}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}

/** The legal pages' names in `lang`; German where common/legal has no names in that language (yet). */
function legalLinkText(lang: Locale): Readonly<Record<LegalPage, string>> {
  const texts: Readonly<Partial<Record<Locale, Readonly<Record<LegalPage, string>>>>> = LEGAL_LINK_TEXT;
  return texts[lang] ?? LEGAL_LINK_TEXT.de;
}
