import { t } from "../shared/i18n/flow";
import { SecurityCheck as Check } from "../shared/SecurityCheck";
import { flow } from "./state";

/** Cloudflare Turnstile before the final submit of a booking or a request, only when the office has it switched on. */
export function SecurityCheck() {
  return (
    <Check
      siteKey={flow.turnstileSiteKey.value}
      resets={flow.turnstileResets.value}
      onToken={(token) => (flow.turnstileToken.value = token)}
      hint={t.value.securityHint}
    />
  );
}
