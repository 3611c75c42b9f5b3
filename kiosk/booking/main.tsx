import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import "./booking.css";
import { startLocale } from "../shared/locale";
import { App, preloadLaterSteps } from "./App";
import { start } from "./state";

// The office loads while the language is decided (saved choice > browser's languages > German) and its
// catalogs arrive; the first render is already in that language, so the page never flashes German.
start();
await startLocale();
render(<App />, document.getElementById("app")!);
preloadLaterSteps();
