/*
 * "Link verloren?" unfolded (./LostLink.tsx): the e-mail address, and the manage links of its bookings
 * come by mail again. The answer is the same whether or not the address has bookings (the API never
 * says), so the page says the same too: "if there are bookings, a mail comes". When the office has
 * Turnstile on, its check stands before the button, as on the booking form (./SecurityCheck.tsx). The
 * rules are the store's (./lost-link.ts). A chunk of its own: few open it.
 */
import { useMemo } from "preact/hooks";
import type { LostLinkAccepted, LostLinkRequest } from "../../schemas/bookings";
import { call } from "./api";
import { telHref } from "./format";
import { t } from "./i18n/flow";
import { contactTexts } from "./i18n/contact";
import { createLostLinkForm, type LostLinkOutcome } from "./lost-link";
import { office, phone } from "./office";
import { SecurityCheck } from "./SecurityCheck";
import { TextField } from "./ui";

/** `POST /api/bookings/lost-link` (here, not in ./api.ts: only this chunk calls it). */
function requestLostLinks(body: LostLinkRequest): Promise<LostLinkAccepted> {
  return call("/api/bookings/lost-link", { method: "POST", body });
}

/** The form; `office`: the office the links are for (default: the page's). */
export function LostLinkForm({ office: slug }: { office?: string | undefined }) {
  const store = useMemo(() => createLostLinkForm({ send: requestLostLinks, office, slug }), [slug]);
  const s = t.value;
  const l = contactTexts.value.lostLink;
  const error = store.error.value;
  const outcome = store.outcome.value;
  const sending = store.sending.value;

  return (
    <>
      <p id="lost-link-intro">{l.intro}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void store.submit();
        }}
        aria-describedby="lost-link-intro"
      >
        <TextField
          id="lost-link-email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellcheck={false}
          label={s.emailLabel}
          value={store.email.value}
          onValue={store.setEmail}
          error={error ? s.fieldErrors[error] : undefined}
        />
        <SecurityCheck
          siteKey={store.turnstileSiteKey.value}
          resets={store.turnstileResets.value}
          onToken={(token) => (store.turnstileToken.value = token)}
          hint={l.securityHint}
        />
        <div class="actions">
          <button type="submit" disabled={sending}>
            {sending ? l.sending : l.submit}
          </button>
        </div>
      </form>
      <p role="status" class={outcome && outcome.kind !== "sent" ? "status--error" : undefined}>
        {outcome && <Outcome outcome={outcome} />}
      </p>
    </>
  );
}

function Outcome({ outcome }: { outcome: LostLinkOutcome }) {
  const s = t.value;
  switch (outcome.kind) {
    case "sent":
      return <>{contactTexts.value.lostLink.sent}</>;
    case "rateLimited":
      return <>{s.rateLimited(outcome.minutes)}</>;
    case "securityWait":
      return <>{s.securityWait}</>;
    case "securityFailed":
      return <>{s.securityFailed}</>;
    case "failed":
      return (
        <>
          {s.failedWithPhone}{" "}
          {phone.value && (
            <a dir="ltr" href={telHref(phone.value)}>
              {phone.value}
            </a>
          )}
        </>
      );
  }
}
