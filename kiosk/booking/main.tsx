import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import "./booking.css";
import { App, preloadLaterSteps } from "./App";
import { start } from "./state";

start();
render(<App />, document.getElementById("app")!);
preloadLaterSteps();
