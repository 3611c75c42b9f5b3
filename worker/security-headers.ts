/*
 * Security headers for every response: the Worker sets them on the API, and the Vite build writes the
 * same list into the static assets' `_headers` file, so pages and API cannot drift apart.
 */

// Cloudflare Turnstile's widget, the one outside origin a page may load from, and only when the office
// switched Turnstile on (/api/location says so). Allowed always, so that setting the keys as runtime
// secrets cannot leave pages whose policy blocks the check they require.
const TURNSTILE = "https://challenges.cloudflare.com";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${TURNSTILE}`,
  `frame-src ${TURNSTILE}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  // Manage and status links carry secrets in their path: never hand them to another site.
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  // The kiosk may use its own camera for QR check-in; nothing else is granted.
  "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};
