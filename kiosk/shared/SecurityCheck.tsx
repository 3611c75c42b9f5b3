/*
 * Cloudflare Turnstile before a public form's submit (a booking, a request, "Link verloren?"), only when
 * the office has it switched on (`siteKey`, from `GET /api/location`): nothing renders and no script
 * loads otherwise (./turnstile.ts loads it on first use). The form's store keeps the token.
 */
import { useState } from "preact/hooks";
import { telHref } from "./format";
import { t } from "./i18n/flow";
import { locale } from "./locale";
import { phone } from "./office";
import { useTurnstile } from "./turnstile";

interface SecurityCheckProps {
  siteKey: string | null;
  /** Raised by the store after a submit: the widget gives a fresh token. */
  resets: number;
  onToken(token: string | null): void;
  /** What is checked, in the form's words ("… ob hier ein Mensch bucht"). */
  hint: string;
}

export function SecurityCheck({ siteKey, resets, onToken, hint }: SecurityCheckProps) {
  const [unavailable, setUnavailable] = useState(false);
  const box = useTurnstile(siteKey, locale.value, resets, onToken, () => setUnavailable(true));
  if (!siteKey) return null;
  const s = t.value;
  return (
    <div class="field">
      <p class="field__label">{s.securityCheck}</p>
      <p class="field__hint">{hint}</p>
      <div ref={box} class="turnstile" />
      {unavailable && (
        <p class="field__error">
          {s.securityUnavailable} <a dir="ltr" href={telHref(phone.value)}>{phone.value}</a>
        </p>
      )}
    </div>
  );
}
