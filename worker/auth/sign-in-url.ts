/*
 * Free of imports, so the Node scripts (`npm run staff`, `npm start`) import it too (as they do
 * common/limits.ts): one place says what a sign-in link looks like.
 */

/** The link that signs in with `token` on the staff board at `baseUrl`; the token rides in the fragment (never sent to a server). */
export function signInUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/staff#link=${token}`;
}
