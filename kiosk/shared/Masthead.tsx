import { LanguageMenu } from "./LanguageMenu";
import { office } from "./office";
import { OfficeWords } from "./Localized";

/** The top bar: the office's short name and the language menu. */
export function Masthead() {
  return (
    <header class="masthead">
      <div class="page masthead__inner">
        <p class="masthead__name">{office.value && <OfficeWords>{office.value.shortName}</OfficeWords>}</p>
        <LanguageMenu />
      </div>
    </header>
  );
}
