/*
 * The board's language switch in the top bar: the board speaks German and English (STAFF_LOCALES), so one
 * button names the other language in itself ("English" / "Deutsch"). The choice is remembered on this PC
 * (kiosk/shared/locale.ts); the other language's words are a chunk fetched when first chosen.
 */
import { signal } from "@preact/signals";
import { LANGUAGES, STAFF_LOCALES } from "../../common/i18n/languages";
import { locale, setLocale } from "../shared/locale";
import { s } from "./i18n/board";

/** Set when the other language's words could not be fetched (the board stays in its language). */
const failed = signal(false);

export function LanguageSwitch() {
  const next = STAFF_LOCALES.find((code) => code !== locale.value) ?? "de";
  const choose = () => {
    failed.value = false;
    setLocale(next).catch((error: unknown) => {
      console.warn(error);
      failed.value = true;
    });
  };
  return (
    <>
      <button type="button" class="topbar__button" onClick={choose}>
        <span lang={next}>{LANGUAGES[next].name}</span>
      </button>
      <span role="status" class="topbar__note">
        {failed.value ? s.value.languageFailed : ""}
      </span>
    </>
  );
}
