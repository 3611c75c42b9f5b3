import { render } from "preact";
import "../shared/base.css";

render(<p>…</p>, document.getElementById("app")!);
