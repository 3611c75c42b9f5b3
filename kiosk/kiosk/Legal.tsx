import { LEGAL_LINK_TEXT } from "../../common/legal/links";
import { LegalNotice } from "../shared/LegalNotice";
import { locale } from "../shared/locale";
import { BackButton, ScreenHeading } from "./parts";
import { legalPage } from "./state";

/**
 * Impressum, Datenschutz or Barrierefreiheit on the tablet: the same text as the office's own page
 * (/impressum …), addresses as text, no link off the screen. The statement's feedback part names the
 * office's phone and e-mail: where to send feedback from here.
 */
export function LegalScreen() {
  const page = legalPage.value;
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{LEGAL_LINK_TEXT[locale.value][page]}</ScreenHeading>
      <LegalNotice page={page} level={2} links={false} />
    </section>
  );
}
