import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  title: "Sign in",
  intro: "The staff board is for the team only. Please sign in.",
  passkeyHeading: "Sign in with a passkey",
  passkeyHint: "Is there a passkey on this PC already? Then click here. The PC asks for your PIN, fingerprint or face.",
  passkeyButton: "Sign in with a passkey",
  passkeyWorking: "Please confirm on the PC …",
  passkeyFailed: "That did not work. Try again, or ask for a sign-in link below.",
  passkeyUnsupported: "This browser cannot use passkeys. Please use the sign-in link.",
  linkHeading: "Sign-in link by e-mail",
  linkHint: "We send you a link. It works for 15 minutes, once.",
  emailLabel: "Your e-mail address",
  emailMissing: "Please enter your e-mail address.",
  linkButton: "Send link",
  linkSending: "One moment please …",
  linkSent: "If there is an account, an e-mail is on its way. Please open the link in it.",
  redeeming: "Signing you in …",
  linkInvalid: "This link no longer works. It was used already or is too old. Please ask for a new one.",
  tooMany: "Too many attempts. Please wait {minutes} minutes.",
  offline: "No connection. Please try again in a moment.",
  failed: "That did not work. Please try again.",

  panelHeading: "Passkeys",
  panelIntro: "With a passkey you sign in without a link: with PIN, fingerprint or face on the PC.",
  panelEmpty: "You have no passkey yet.",
  panelLoading: "Loading passkeys …",
  labelLabel: "Name for this PC (optional)",
  labelHint: "For example: PC room 1",
  addButton: "Add a passkey for this PC",
  adding: "Please confirm on the PC …",
  added: "Passkey “{label}” is saved.",
  addFailed: "The passkey was not saved. Please try again.",
  removeButton: "Remove: {label}",
  removed: "Passkey “{label}” is removed.",
  confirmRemove: "Really remove passkey “{label}”?",
  created: "Added on {date}",
  lastUsed: "last used on {date}",
  neverUsed: "never used",
} satisfies Translation<typeof de>;
