import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import { startLocale } from "../shared/locale";
import { preloadQr } from "../shared/QrCode";
import { App } from "./App";
import { start } from "./state";

// The saved choice or the browser's language before the first paint; the booking's own language
// follows once it is loaded (state.ts), before the booking shows.
await startLocale();
start();
render(<App />, document.getElementById("app")!);
// The booking's check-in code shows as soon as the booking is there: the encoder loads alongside.
preloadQr();
