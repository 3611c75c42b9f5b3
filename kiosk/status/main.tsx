import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import "./status.css";
import { App } from "./App";
import { startStatusLocale } from "./language";
import { start } from "./state";

// The first paint in the page's language (kiosk/status/language.ts says which), never German first.
await startStatusLocale();
start();
render(<App />, document.getElementById("app")!);
