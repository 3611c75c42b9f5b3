import { frame } from "./i18n-frame";
import { toggleLocale } from "./locale";
import { office } from "./office";

/** The top bar: the office's short name and the language switch. */
export function Masthead() {
  const s = frame.value;
  return (
    <header class="masthead">
      <div class="page masthead__inner">
        <p class="masthead__name">{office.value?.shortName}</p>
        <button type="button" class="lang-switch" onClick={toggleLocale}>
          <span lang={s.otherLocale}>{s.otherLocaleName}</span>
        </button>
      </div>
    </header>
  );
}
