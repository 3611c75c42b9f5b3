import { render } from "preact";
import "../shared/base.css";
import "../shared/flow.css";
import { preloadQr } from "../shared/QrCode";
import { App } from "./App";
import { start } from "./state";

start();
render(<App />, document.getElementById("app")!);
// The booking's check-in code shows as soon as the booking is there: the encoder loads alongside.
preloadQr();
