/*
 * Below the number while it waits (issue 13): "Benachrichtigen, wenn ich dran bin" (Web Push, with
 * consent, where the browser can) and "Ich warte nicht mehr" with a confirm step. A chunk of its own
 * (TurnPanel.tsx loads it): the status page's first paint does not need it. Without push support the
 * offer is not shown; leaving always is.
 */
import { signal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { ApiError } from "../shared/api";
import { locale } from "../shared/locale";
import { tokenFromHash } from "../shared/secret-link";
import { turn } from "./i18n/turn";
import { store } from "./state";
import { soundLocked } from "./turn-alert";

export { startTurnAlert } from "./turn-alert";
import { leaveQueue } from "./turn-api";
import { checkPush, disablePush, enablePush, endPush, pushStatus } from "./turn-push";
import "./turn-offers.css";

type LeaveStep = "idle" | "confirm" | "working" | "done" | "tooLate" | "failed";
const leaveStep = signal<LeaveStep>("idle");

let started = false;

/** Once per page: push is checked for the number in the address (again when the address changes). */
function startOnce(): void {
  if (started) return;
  started = true;
  const check = () => {
    const token = tokenFromHash(location.hash);
    leaveStep.value = "idle";
    if (token) void checkPush(token);
  };
  check();
  addEventListener("hashchange", check);
}

export function TurnOffers() {
  useEffect(startOnce, []);
  const screen = store.screen.value;
  const waiting = screen.kind === "waiting";
  useEffect(() => {
    if (screen.kind !== "waiting" && screen.kind !== "called" && screen.kind !== "loading") endPush();
  }, [screen.kind]);
  return (
    <>
      <div role="status" class="turn-region">
        <LeaveResult />
      </div>
      {(waiting || screen.kind === "called") && <Notify />}
      {(waiting || leaveStep.value === "confirm" || leaveStep.value === "working") && <Leave />}
      {/* Last: it goes with the first tap anywhere, and nothing above a button may move under the finger. */}
      {waiting && soundLocked.value && <p class="turn-hint">{turn.value.soundHint}</p>}
    </>
  );
}

function Notify() {
  const t = turn.value.notify;
  const status = pushStatus.value;
  if (status === "unavailable") return null;
  const token = tokenFromHash(location.hash);
  if (!token) return null;
  return (
    <section class="turn-box" aria-labelledby="turn-notify-heading">
      <h2 id="turn-notify-heading" class="turn-box__heading">
        {t.heading}
      </h2>
      {status === "on" ? (
        <>
          <p class="turn-box__on">{t.on}</p>
          <button type="button" onClick={() => void disablePush(token)}>
            {t.off}
          </button>
        </>
      ) : (
        <>
          <p id="turn-notify-explain">{t.explain}</p>
          {(status === "offer" || status === "working") && (
            <button
              type="button"
              class="button--primary"
              aria-describedby="turn-notify-explain"
              disabled={status === "working"}
              onClick={() => void enablePush(token, locale.value)}
            >
              {status === "working" ? t.working : t.offer}
            </button>
          )}
          {status === "denied" && <p class="turn-box__problem">{t.denied}</p>}
          {status === "failed" && <p class="turn-box__problem">{t.failed}</p>}
        </>
      )}
    </section>
  );
}

function Leave() {
  const t = turn.value.leave;
  const step = leaveStep.value;
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (step === "confirm") question.current?.focus();
  }, [step]);

  const confirm = async () => {
    const token = tokenFromHash(location.hash);
    if (!token) return;
    leaveStep.value = "working";
    try {
      await leaveQueue(token);
      leaveStep.value = "done";
    } catch (error) {
      leaveStep.value = error instanceof ApiError && error.code === "ticket_state" ? "tooLate" : "failed";
    }
    await store.refresh();
    // The button pressed has gone with the confirm step: focus goes to the page's heading rather than
    // back to the document's start, and the live region above reads out what came of it.
    requestAnimationFrame(() => {
      if (document.activeElement === null || document.activeElement === document.body) document.querySelector<HTMLElement>("main h1")?.focus();
    });
  };
  const back = () => {
    leaveStep.value = "idle";
    requestAnimationFrame(() => opener.current?.focus());
  };

  return (
    <section class="turn-box turn-box--leave" aria-labelledby="turn-leave-heading">
      <h2 id="turn-leave-heading" class="turn-box__heading">
        {t.heading}
      </h2>
      {step === "confirm" || step === "working" ? (
        <>
          <p ref={question} tabIndex={-1} class="turn-box__question">
            {t.confirmQuestion}
          </p>
          <div class="actions actions--stack">
            <button type="button" class="button--danger" disabled={step === "working"} onClick={() => void confirm()}>
              {step === "working" ? t.working : t.confirm}
            </button>
            <button type="button" disabled={step === "working"} onClick={back}>
              {t.cancel}
            </button>
          </div>
        </>
      ) : (
        <button type="button" ref={opener} onClick={() => (leaveStep.value = "confirm")}>
          {t.button}
        </button>
      )}
    </section>
  );
}

/** What came of leaving, in a polite live region (present from the start, so the change is read out). */
function LeaveResult() {
  const t = turn.value.leave;
  const step = leaveStep.value;
  if (step === "done") return <p class="turn-done">{t.done}</p>;
  if (step === "tooLate") return <p class="alert">{t.tooLate}</p>;
  if (step === "failed") return <p class="alert">{t.failed}</p>;
  return null;
}
