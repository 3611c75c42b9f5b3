import { legalPath } from "../../common/legal/links";
import { LegalNotice } from "../shared/LegalNotice";
import { t } from "../shared/i18n/flow";
import { locale } from "../shared/locale";
import { office } from "../shared/office";
import { BackButton, StepHeading } from "../shared/ui";
import { closePrivacy } from "./state";

/**
 * The privacy notice (`/#datenschutz`) in place of the current step, so the form keeps what was typed:
 * the same text as /datenschutz (common/legal, loaded from the Worker), with a link to that page.
 */
export function Privacy() {
  const s = t.value;
  const slug = office.value?.slug;
  return (
    <section id="datenschutz" class="step privacy" aria-labelledby="step-heading">
      <BackButton onClick={closePrivacy} label={s.backToBooking} />
      <StepHeading>{s.privacyHeading}</StepHeading>
      <LegalNotice page="datenschutz" level={3} />
      {slug && (
        <p>
          <a href={legalPath("datenschutz", { lang: locale.value, office: slug })}>{s.legalOwnPage}</a>
        </p>
      )}
    </section>
  );
}
