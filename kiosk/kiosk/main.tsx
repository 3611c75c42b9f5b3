import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import "./kiosk.css";
import { startLocale } from "../shared/locale";
import { App, preloadLaterScreens } from "./App";
import { start } from "./state";

// Every visitor starts in German; a language chosen at the tablet is never saved (idle.ts resets it).
await startLocale({ remember: false });
start();
render(<App />, document.getElementById("app")!);
preloadLaterScreens();
