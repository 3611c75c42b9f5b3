/*
 * Cloudflare Turnstile, only when the office has it switched on (`turnstileSiteKey` in
 * `GET /api/location`): the script is loaded on first use, the widget rendered explicitly into a div
 * before the final submit, and its token handed to the store. Off in development and tests.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Locale } from "../../schemas/common";

const SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";

interface TurnstileApi {
  render(el: HTMLElement, options: Record<string, unknown>): string;
  reset(id: string): void;
  remove(id: string): void;
}

let loading: Promise<TurnstileApi> | null = null;

function loadTurnstile(): Promise<TurnstileApi> {
  loading ??= new Promise<TurnstileApi>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = SCRIPT;
    script.async = true;
    script.onload = () => {
      const api = (window as { turnstile?: TurnstileApi }).turnstile;
      if (api) resolve(api);
      else reject(new Error("Turnstile loaded without its API"));
    };
    script.onerror = () => reject(new Error("Turnstile did not load"));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Renders the widget into the returned ref's div while `siteKey` is set. `onToken` gets each new token,
 * and null when it expires or fails (or the script cannot load: then `onUnavailable`). A change of
 * `resetKey` asks for a fresh token (a token is good for one submit).
 */
export function useTurnstile(
  siteKey: string | null,
  locale: Locale,
  resetKey: number,
  onToken: (token: string | null) => void,
  onUnavailable: () => void,
) {
  const box = useRef<HTMLDivElement>(null);
  const id = useRef<string | null>(null);
  const api = useRef<TurnstileApi | null>(null);
  useEffect(() => {
    if (!siteKey || !box.current) return;
    const el = box.current;
    let gone = false;
    loadTurnstile().then(
      (t) => {
        if (gone) return;
        api.current = t;
        id.current = t.render(el, {
          sitekey: siteKey,
          language: locale,
          theme: "light",
          size: el.clientWidth < 300 ? "compact" : "normal",
          callback: (token: string) => onToken(token),
          "expired-callback": () => onToken(null),
          "error-callback": () => onToken(null),
        });
      },
      () => {
        if (!gone) onUnavailable();
      },
    );
    return () => {
      gone = true;
      if (api.current && id.current) api.current.remove(id.current);
      id.current = null;
    };
  }, [siteKey]);
  useEffect(() => {
    if (resetKey > 0 && api.current && id.current) {
      onToken(null);
      api.current.reset(id.current);
    }
  }, [resetKey]);
  return box;
}
