import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import "./staff.css";
import { syncDocument } from "../shared/locale";
import { followAddress } from "./address";
import { App } from "./App";
import { loadMe, me } from "./session";
import { onSignedOut } from "./state";
import { s } from "./strings";

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
