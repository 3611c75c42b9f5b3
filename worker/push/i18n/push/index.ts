/** The push messages in every resident language, bound per message (`messagesIn`). */
import { bind, type Bound } from "../../../../common/i18n/messages";
import type { Locale } from "../../../../common/i18n/languages";
import de from "./de";
import en from "./en";
import tr from "./tr";
import ru from "./ru";
import uk from "./uk";
import ar from "./ar";

const catalogs = { de, en, tr, ru, uk, ar } as const;

export function pushMessages(locale: Locale): Bound<typeof de> {
  return bind(de, catalogs[locale], locale);
}
