import { render } from "preact";
import "../shared/base.css";
import "./display.css";
import { App } from "./App";
import { start } from "./state";

start();
render(<App />, document.getElementById("app")!);
