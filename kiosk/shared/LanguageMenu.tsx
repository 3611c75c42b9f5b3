import { useSignal } from "@preact/signals";
import { useEffect, useId, useRef } from "preact/hooks";
import { LANGUAGES } from "../../common/i18n/languages";
import type { Locale } from "../../common/i18n/languages";
import { frame } from "./i18n/frame";
import { locale, offeredLocales, setLocale } from "./locale";

/**
 * The language menu on every resident page: a button with the current language's name (in its own
 * script, never a flag) that opens the list of languages, each named in itself. By keyboard: Enter or
 * Space opens, Tab and the arrow keys move, Escape closes and returns to the button. A language that
 * cannot be fetched leaves the page as it was and says so.
 */
export function LanguageMenu() {
  const s = frame.value;
  const open = useSignal(false);
  const failed = useSignal(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const current = locale.value;

  useEffect(() => {
    if (!open.value) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) open.value = false;
    };
    document.addEventListener("pointerdown", outside);
    root.current?.querySelector<HTMLButtonElement>("[aria-current='true']")?.focus();
    return () => document.removeEventListener("pointerdown", outside);
  }, [open.value]);

  const close = () => {
    open.value = false;
    button.current?.focus();
  };
  const choose = (code: Locale) => {
    failed.value = false;
    setLocale(code).then(close, () => {
      failed.value = true;
    });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open.value) {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>(".lang-menu__item") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
  };

  return (
    <div class="lang-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={button}
        class="lang-switch"
        aria-expanded={open.value}
        aria-controls={`${id}-list`}
        onClick={() => (open.value = !open.value)}
      >
        <svg class="lang-menu__icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
        <span class="visually-hidden">{s.languageMenu}: </span>
        <span lang={current}>{LANGUAGES[current].name}</span>
      </button>
      <ul id={`${id}-list`} class="lang-menu__list" aria-label={s.languageListLabel} hidden={!open.value}>
        {offeredLocales().map((code) => (
          <li key={code}>
            <button
              type="button"
              class="lang-menu__item"
              lang={code}
              dir={LANGUAGES[code].dir}
              aria-current={code === current ? "true" : undefined}
              onClick={() => choose(code)}
            >
              {LANGUAGES[code].name}
            </button>
          </li>
        ))}
      </ul>
      <p class="lang-menu__error" role="status">
        {failed.value ? s.languageFailed : ""}
      </p>
    </div>
  );
}
