/*
 * Cloudflare Turnstile, optional: without TURNSTILE_SECRET_KEY there is no verifier and no check.
 * Cloudflare's test secrets (always pass: 1x0000000000000000000000000000000AA, always fail:
 * 2x0000000000000000000000000000000AA) make it testable end to end.
 */

export type TurnstileVerifier = (token: string, remoteIp: string | undefined) => Promise<boolean>;

const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

export function createTurnstileVerifier(secret: string | undefined, fetcher: typeof fetch = fetch): TurnstileVerifier | null {
  if (!secret) return null;
  return async (token, remoteIp) => {
    const form = new FormData();
    form.set("secret", secret);
    form.set("response", token);
    if (remoteIp) form.set("remoteip", remoteIp);
    try {
      const res = await fetcher(SITEVERIFY, { method: "POST", body: form });
      if (!res.ok) return false;
      const result: { success?: unknown } = await res.json();
      return result.success === true;
    } catch {
      return false;
    }
  };
}
