import { LanguageMenu } from "./LanguageMenu";
import { office } from "./office";

/** The top bar: the office's short name and the language menu. */
export function Masthead() {
  return (
    <header class="masthead">
      <div class="page masthead__inner">
        <p class="masthead__name">{office.value?.shortName}</p>
        <LanguageMenu />
      </div>
    </header>
  );
}
