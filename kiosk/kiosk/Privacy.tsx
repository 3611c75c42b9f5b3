import { LegalNotice } from "../shared/LegalNotice";
import { t } from "../shared/locale";
import { BackButton, ScreenHeading } from "./parts";

/** "Datenschutz" on the tablet: the office's privacy notice, the same text as /datenschutz, addresses as text. */
export function PrivacyScreen() {
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{t.value.privacyHeading}</ScreenHeading>
      <LegalNotice page="datenschutz" level={2} links={false} />
    </section>
  );
}
