import { telHref } from "../shared/format";
import { t } from "../shared/locale";
import { office, retentionDays } from "../shared/office";
import { BackButton, StepHeading } from "../shared/ui";
import { closePrivacy, flow } from "./state";

/** The privacy notice (`/#datenschutz`): what is stored, why, how long, who to ask. */
export function Privacy() {
  const s = t.value;
  const p = s.privacy;
  const o = office.value;
  return (
    <section id="datenschutz" class="step privacy" aria-labelledby="step-heading">
      <BackButton onClick={closePrivacy} label={s.backToBooking} />
      <StepHeading>{s.privacyHeading}</StepHeading>
      <h3>{p.whoHeading}</h3>
      <p>{p.whoText}</p>
      {o && (
        <address>
          <p>
            {o.name}
            <br />
            {o.address.street}
            <br />
            {[o.address.postalCode, o.address.city].filter(Boolean).join(" ")}
          </p>
          <p>
            {o.contact.phone && (
              <>
                {s.phone} <a href={telHref(o.contact.phone)}>{o.contact.phone}</a>
                <br />
              </>
            )}
            {o.contact.email && (
              <>
                {s.email} <a href={`mailto:${o.contact.email}`}>{o.contact.email}</a>
              </>
            )}
          </p>
        </address>
      )}
      <h3>{p.whatHeading}</h3>
      <ul>
        {p.whatItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h3>{p.whyHeading}</h3>
      <p>{p.whyText}</p>
      <p>{p.baseText}</p>
      <h3>{p.howLongHeading}</h3>
      <p>{p.howLongText(retentionDays.value)}</p>
      <h3>{p.whereHeading}</h3>
      <p>{p.whereText}</p>
      {flow.turnstileSiteKey.value && <p>{p.turnstileText}</p>}
      <h3>{p.rightsHeading}</h3>
      <p>{p.rightsText}</p>
    </section>
  );
}
