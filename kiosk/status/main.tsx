import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import "./status.css";
import { App } from "./App";
import { startLocale } from "../shared/locale";
import { start } from "./state";

// The first paint in the page's language (the address's ?lang=, the saved choice or the browser's; then
// the ticket's own: ./language.ts), never German first.
await startLocale();
start();
render(<App />, document.getElementById("app")!);
