import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import "./kiosk.css";
import { App, preloadLaterScreens } from "./App";
import { start } from "./state";

start();
render(<App />, document.getElementById("app")!);
preloadLaterScreens();
