/*
 * "Link verloren?": the e-mail address, and the manage links of its bookings come by mail again. The
 * answer is the same whether or not the address has bookings (the API never says), so the page says
 * the same too: "if there are bookings, a mail comes". On the booking page and where the manage page
 * cannot find a booking.
 */
import { useState } from "preact/hooks";
import { canonicalEmail } from "../../common/field-rules";
import { ApiError, requestLostLinks } from "./api";
import { telHref } from "./format";
import { t } from "./i18n/flow";
import { phone } from "./office";
import { TextField } from "./ui";

type Phase = "idle" | "sending" | "sent" | "failed";

/** The form, folded away under its question; `office`: the office the links are for (default: the page's). */
export function LostLink({ office }: { office?: string | undefined }) {
  const s = t.value;
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
    <details class="lost-link">
      <summary>{s.lostLinkHeading}</summary>
      <p id="lost-link-intro">{s.lostLinkIntro}</p>
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
            {phase === "sending" ? s.lostLinkSending : s.lostLinkSubmit}
          </button>
        </div>
      </form>
      <p role="status" class={phase === "failed" ? "status--error" : undefined}>
        {phase === "sent" ? s.lostLinkSent : phase === "failed" && waitMinutes > 0 ? s.rateLimited(waitMinutes) : ""}
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
    </details>
  );
}
