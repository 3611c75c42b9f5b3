import { telHref } from "../shared/format";
import { t } from "../shared/i18n/flow";
import { locale } from "../shared/locale";
import { phone } from "../shared/office";
import { useTurnstile } from "../shared/turnstile";
import { flow, turnstileUnavailable } from "./state";

/** Cloudflare Turnstile before the final submit, only when the office has it switched on. */
export function SecurityCheck() {
  const siteKey = flow.turnstileSiteKey.value;
  const box = useTurnstile(
    siteKey,
    locale.value,
    flow.turnstileResets.value,
    (token) => (flow.turnstileToken.value = token),
    () => (turnstileUnavailable.value = true),
  );
  if (!siteKey) return null;
  const s = t.value;
  return (
    <div class="field">
      <p class="field__label">{s.securityCheck}</p>
      <p class="field__hint">{s.securityHint}</p>
      <div ref={box} class="turnstile" />
      {turnstileUnavailable.value && (
        <p class="field__error">
          {s.securityUnavailable} <a dir="ltr" href={telHref(phone.value)}>{phone.value}</a>
        </p>
      )}
    </div>
  );
}
