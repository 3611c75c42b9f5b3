import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import "./staff.css";
import { STAFF_LOCALES } from "../../common/i18n/languages";
import { startLocale, syncDocument } from "../shared/locale";
import { followAddress } from "./address";
import { App } from "./App";
import { loadMe, me } from "./session";
import { onSignedOut } from "./state";
import { s } from "./i18n/board";

// German or English (this PC's choice, else the browser's languages), its words here before the first paint.
await startLocale({ offered: STAFF_LOCALES });
// A 401 from any board call means the session ended (timeout, signed out elsewhere): sign in again.
onSignedOut(() => {
  me.value = "signedOut";
});
syncDocument(() => {
  const who = me.value;
  return typeof who === "object" && who ? `${s.value.pageTitle} – ${who.office.name}` : s.value.pageTitle;
});
// The day and the section on show are in the address (`?day=…&view=…`), before anyone signs in too.
followAddress();
void loadMe().catch((error: unknown) => console.warn(error));
render(<App />, document.getElementById("app")!);
