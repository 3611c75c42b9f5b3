/*
 * The sign-in page of the staff board: a passkey (the normal way in) or a one-time link by e-mail. A
 * link opened from the mail (`/staff#link=…`) is redeemed on load and dropped from the address at once,
 * so it is neither in the history nor sent again on reload.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { linkTokenOf, failureText, redeemLink, requestLink, signInWithPasskey, type Me } from "./store";
import { a } from "../i18n/auth";

type Status = { kind: "idle" } | { kind: "working"; text: string } | { kind: "done"; text: string } | { kind: "error"; text: string };

export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const s = a.value;
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const heading = useRef<HTMLHeadingElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const busy = status.kind === "working";

  useEffect(() => {
    const token = linkTokenOf(location.hash);
    if (!token) return;
    history.replaceState(history.state, "", location.pathname + location.search);
    setStatus({ kind: "working", text: a.value.redeeming });
    redeemLink(token).then(onSignedIn, (error: unknown) => {
      setStatus({ kind: "error", text: failureText(error, a.value, "link") });
      heading.current?.focus();
    });
  }, []);

  const passkey = async () => {
    setStatus({ kind: "working", text: s.passkeyWorking });
    try {
      onSignedIn(await signInWithPasskey());
    } catch (error) {
      setStatus({ kind: "error", text: failureText(error, a.value, "passkey") });
    }
  };

  const sendLink = async (event: Event) => {
    event.preventDefault();
    if (!email.trim()) {
      setEmailError(s.emailMissing);
      emailInput.current?.focus();
      return;
    }
    setEmailError(null);
    setStatus({ kind: "working", text: s.linkSending });
    try {
      await requestLink(email.trim());
      setStatus({ kind: "done", text: s.linkSent });
    } catch (error) {
      setStatus({ kind: "error", text: failureText(error, a.value) });
    }
  };

  const webauthn = typeof window !== "undefined" && browserSupportsWebAuthn();
  return (
    <main id="main" class="page page--narrow sign-in">
      <h1 ref={heading} tabIndex={-1}>
        {s.title}
      </h1>
      <p class="lead">{s.intro}</p>
      {/* One live region for every outcome; errors are assertive, progress and success polite. */}
      <div class={status.kind === "error" ? "status status--error" : "status"} role={status.kind === "error" ? "alert" : "status"} aria-live={status.kind === "error" ? "assertive" : "polite"}>
        {status.kind !== "idle" && <p>{status.text}</p>}
      </div>

      <section aria-labelledby="sign-in-passkey">
        <h2 id="sign-in-passkey">{s.passkeyHeading}</h2>
        <p id="sign-in-passkey-hint">{webauthn ? s.passkeyHint : s.passkeyUnsupported}</p>
        <button type="button" class="button button--primary" onClick={passkey} disabled={!webauthn || busy} aria-describedby="sign-in-passkey-hint">
          {s.passkeyButton}
        </button>
      </section>

      <section aria-labelledby="sign-in-link">
        <h2 id="sign-in-link">{s.linkHeading}</h2>
        <form onSubmit={sendLink} noValidate>
          <div class={emailError ? "field field--error" : "field"}>
            <label for="sign-in-email" class="field__label">
              {s.emailLabel}
            </label>
            <p id="sign-in-email-hint" class="field__hint">
              {s.linkHint}
            </p>
            {emailError && (
              <p id="sign-in-email-error" class="field__error">
                {emailError}
              </p>
            )}
            <input
              ref={emailInput}
              id="sign-in-email"
              name="email"
              type="email"
              class="field__input"
              autoComplete="email"
              inputMode="email"
              autoCapitalize="none"
              spellcheck={false}
              maxLength={254}
              value={email}
              aria-invalid={emailError ? "true" : undefined}
              aria-describedby={emailError ? "sign-in-email-hint sign-in-email-error" : "sign-in-email-hint"}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button" disabled={busy}>
            {s.linkButton}
          </button>
        </form>
      </section>
    </main>
  );
}
