/*
 * "Link verloren?"'s store: the address typed and the one place that sends it, with the office's
 * Turnstile token when the office has the check switched on (the API refuses the request without one,
 * as it refuses a booking). No DOM: the form (./LostLinkForm.tsx) renders it, tests/kiosk/lost-link.test.ts
 * drives it.
 */
import { batch, computed, signal, type ReadonlySignal } from "@preact/signals";
import { canonicalEmail } from "../../common/field-rules";
import type { LostLinkAccepted, LostLinkRequest } from "../../schemas/bookings";
import type { LocationResponse } from "../../schemas/location";
import { ApiError } from "./api";

export interface LostLinkDeps {
  /** `POST /api/bookings/lost-link`. */
  send(body: LostLinkRequest): Promise<LostLinkAccepted>;
  /** The office as `/api/location` describes it: its Turnstile site key when the check is on. */
  office: ReadonlySignal<Pick<LocationResponse, "turnstileSiteKey"> | null>;
  /** The office the links are for, when it is not the page's. */
  slug?: string | undefined;
}

/** What the form says below its button after a submit. */
export type LostLinkOutcome =
  /** Accepted: the same words whether or not the address has bookings (the API never says). */
  | { kind: "sent" }
  | { kind: "rateLimited"; minutes: number }
  /** The security check has not given its token yet: nothing was sent. */
  | { kind: "securityWait" }
  /** The API did not accept the security check's token. */
  | { kind: "securityFailed" }
  | { kind: "failed" };

export type LostLinkStore = ReturnType<typeof createLostLinkForm>;

export function createLostLinkForm(deps: LostLinkDeps) {
  const email = signal("");
  const error = signal<"emailMissing" | "emailInvalid" | null>(null);
  const sending = signal(false);
  const outcome = signal<LostLinkOutcome | null>(null);
  /** The Turnstile token for the next submit (only when the office has Turnstile on). */
  const turnstileToken = signal<string | null>(null);
  /** Raised after each submit that used a token: the widget then gives a fresh one (each one works once). */
  const turnstileResets = signal(0);
  const turnstileSiteKey = computed(() => deps.office.value?.turnstileSiteKey ?? null);

  function setEmail(value: string): void {
    batch(() => {
      email.value = value;
      if (!sending.value) outcome.value = null;
    });
  }

  /** "Links schicken". A second click while the first is on its way does nothing. */
  async function submit(): Promise<void> {
    if (sending.value) return;
    const address = email.value.trim();
    error.value = !address ? "emailMissing" : canonicalEmail(address) === null ? "emailInvalid" : null;
    if (error.value) return;
    const token = turnstileSiteKey.value ? turnstileToken.value : null;
    if (turnstileSiteKey.value && !token) {
      outcome.value = { kind: "securityWait" };
      return;
    }
    batch(() => {
      sending.value = true;
      outcome.value = null;
    });
    try {
      await deps.send({ email: address, ...(deps.slug ? { office: deps.slug } : {}), ...(token ? { turnstileToken: token } : {}) });
      outcome.value = { kind: "sent" };
    } catch (err) {
      outcome.value = failureOf(err);
    } finally {
      batch(() => {
        sending.value = false;
        if (token) {
          turnstileToken.value = null;
          turnstileResets.value++;
        }
      });
    }
  }

  return { email, error, sending, outcome, turnstileToken, turnstileResets, turnstileSiteKey, setEmail, submit };
}

function failureOf(err: unknown): LostLinkOutcome {
  if (err instanceof ApiError && err.code === "rate_limited") return { kind: "rateLimited", minutes: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) };
  if (err instanceof ApiError && err.code === "turnstile_failed") return { kind: "securityFailed" };
  if (!(err instanceof ApiError)) console.warn(err);
  return { kind: "failed" };
}
