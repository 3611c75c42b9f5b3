/*
 * "Link verloren?" unfolded (./LostLink.tsx): the e-mail address, and the manage links of its bookings
 * come by mail again. The answer is the same whether or not the address has bookings (the API never
 * says), so the page says the same too: "if there are bookings, a mail comes". A chunk of its own: few
 * open it.
 */
import { useState } from "preact/hooks";
import { canonicalEmail } from "../../common/field-rules";
import type { LostLinkAccepted, LostLinkRequest } from "../../schemas/bookings";
import { ApiError, call } from "./api";
import { telHref } from "./format";
import { t } from "./i18n/flow";
import { contactTexts } from "./i18n/contact";
import { phone } from "./office";
import { TextField } from "./ui";

/** `POST /api/bookings/lost-link` (here, not in ./api.ts: only this chunk calls it). */
function requestLostLinks(body: LostLinkRequest): Promise<LostLinkAccepted> {
  return call("/api/bookings/lost-link", { method: "POST", body });
}

type Phase = "idle" | "sending" | "sent" | "failed";

/** The form; `office`: the office the links are for (default: the page's). */
export function LostLinkForm({ office }: { office?: string | undefined }) {
  const s = t.value;
  const l = contactTexts.value.lostLink;
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>("idle");
  const [waitMinutes, setWaitMinutes] = useState(0);

  async function send(e: Event) {
    e.preventDefault();
    if (phase === "sending") return;
    const address = email.trim();
    if (!address) return setError(s.fieldErrors.emailMissing);
    if (canonicalEmail(address) === null) return setError(s.fieldErrors.emailInvalid);
    setError(undefined);
    setPhase("sending");
    try {
      await requestLostLinks({ email: address, ...(office ? { office } : {}) });
      setPhase("sent");
    } catch (err) {
      setWaitMinutes(err instanceof ApiError && err.code === "rate_limited" ? Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) : 0);
      setPhase("failed");
    }
  }

  return (
    <>
      <p id="lost-link-intro">{l.intro}</p>
      <form noValidate onSubmit={send} aria-describedby="lost-link-intro">
        <TextField
          id="lost-link-email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellcheck={false}
          label={s.emailLabel}
          value={email}
          onValue={(v) => {
            setEmail(v);
            if (phase !== "sending") setPhase("idle");
          }}
          error={error}
        />
        <div class="actions">
          <button type="submit" disabled={phase === "sending"}>
            {phase === "sending" ? l.sending : l.submit}
          </button>
        </div>
      </form>
      <p role="status" class={phase === "failed" ? "status--error" : undefined}>
        {phase === "sent" ? l.sent : phase === "failed" && waitMinutes > 0 ? s.rateLimited(waitMinutes) : ""}
        {phase === "failed" && waitMinutes === 0 && (
          <>
            {s.failedWithPhone}{" "}
            {phone.value && (
              <a dir="ltr" href={telHref(phone.value)}>
                {phone.value}
              </a>
            )}
          </>
        )}
      </p>
    </>
  );
}
