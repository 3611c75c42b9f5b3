import { useEffect, useRef, useState } from "preact/hooks";
import { formatTime } from "../shared/format";
import { InMessage } from "../shared/Localized";
import { timeZone } from "../shared/office";
import { startBooking } from "./book";
import { Icon } from "../shared/icons";
import { CHECKIN_CODE_LENGTH } from "../../common/limits";
import { codeFromScan, groupCode } from "../shared/codes";
import { BackButton, Keypad, NumberCard, ScreenHeading } from "./parts";
import { offersWalkIn } from "./screens";
import { startScanner } from "./scanner";
import {
  busy,
  canScan,
  checkedIn,
  clearCode,
  code,
  deleteLast,
  k,
  kiosk,
  openCheckin,
  openScan,
  openWalkIn,
  pressKey,
  problem,
  refusal,
  refusedCode,
  resetSession,
  scanned,
  submitCheckin,
  typeAgain,
} from "./state";

/** "Anmelden mit Ihrem Code": the keypad, and the camera where the browser can read QR codes. */
export function CheckinScreen() {
  const s = k.value;
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{s.checkinHeading}</ScreenHeading>
      <p class="lead">{s.checkinHint}</p>
      <div role="alert" class="alert-region">
        {problem.value && <p class="alert">{s.failed}</p>}
      </div>
      <div class="checkin-layout">
        <Keypad
          id="checkin"
          label={s.checkinCodeLabel}
          value={code.value}
          length={CHECKIN_CODE_LENGTH}
          submitLabel={s.checkinSubmit}
          busy={busy.value === "checkin"}
          onKey={pressKey}
          onDelete={deleteLast}
          onClear={clearCode}
          onSubmit={submitCheckin}
        />
        {canScan.value && (
          <button type="button" class="scan-choice" onClick={openScan}>
            <Icon name="qr" class="scan-choice__icon" />
            <span class="scan-choice__label">{s.showQr}</span>
            <span class="scan-choice__hint">{s.showQrHint}</span>
          </button>
        )}
      </div>
      <div role="status" class="status">
        {busy.value === "checkin" && <p>{s.checkingIn}</p>}
      </div>
    </section>
  );
}

/** The camera, looking for the QR code from the mail; it stops when the screen goes. */
export function ScanScreen() {
  const s = k.value;
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (!video.current) return;
    const el = video.current;
    const onPlaying = () => setStarted(true);
    el.addEventListener("playing", onPlaying);
    const stop = startScanner(
      el,
      (raw) => {
        const value = codeFromScan(raw, CHECKIN_CODE_LENGTH);
        if (!value) return false;
        scanned(value);
        return true;
      },
      (error) => {
        console.warn(error);
        setFailed(true);
      },
    );
    return () => {
      el.removeEventListener("playing", onPlaying);
      stop();
    };
  }, []);
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <BackButton label={s.typeInstead} />
      <ScreenHeading>{s.scanHeading}</ScreenHeading>
      <p class="lead">{s.scanHint}</p>
      <div role="status" class="status">
        {busy.value === "checkin" ? <p>{s.checkingIn}</p> : !started && !failed && <p>{s.scanStarting}</p>}
      </div>
      <div role="alert" class="alert-region">
        {failed && <p class="alert">{s.scanFailed}</p>}
      </div>
      <div class="scan-frame" hidden={failed}>
        <video ref={video} class="scan-video" muted playsInline aria-label={s.scanVideo} />
      </div>
      <div class="actions">
        <button type="button" class={failed ? "button--primary" : undefined} onClick={openCheckin}>
          {s.typeInstead}
        </button>
      </div>
    </section>
  );
}

/** Checked in: a welcome without the name (its first letter at most), the appointment and the number. */
export function WelcomeScreen() {
  const s = k.value;
  const view = checkedIn.value;
  if (!view) return null;
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <div class="welcome">
        {view.initial && (
          <p class="welcome__initial">
            <span aria-hidden="true">{view.initial}</span>
            <span class="visually-hidden">{s.initialLabel({ initial: view.initial })}</span>
          </p>
        )}
        <ScreenHeading>{s.welcomeHeading}</ScreenHeading>
      </div>
      <p class="lead">
        <InMessage message={(topic) => s.appointment({ time: formatTime(view.appointment.start, timeZone.value), topic })} text={view.appointment.topic} />
      </p>
      <NumberCard view={view} />
      <p class="lead">{s.welcomeHint}</p>
      <div class="actions">
        <button type="button" class="button--primary button--big" onClick={resetSession}>
          {s.done}
        </button>
      </div>
    </section>
  );
}

/** A refused check-in: its own plain explanation, and the way on (a walk-in number when late). */
export function RefusedScreen() {
  const s = k.value;
  const r = refusal.value;
  if (!r) return null;
  const text = s.refusals[r];
  const open = kiosk.value?.open ?? false;
  return (
    <section class="screen screen--narrow" aria-labelledby="screen-heading">
      <ScreenHeading>{text.heading}</ScreenHeading>
      <p class="lead">{text.text}</p>
      {r === "unknown" && refusedCode.value && (
        <p class="refused-code">
          {s.yourCode}
          <span class="refused-code__code" dir="ltr" aria-hidden="true">
            {groupCode(refusedCode.value)}
          </span>
          <span class="visually-hidden">{refusedCode.value.split("").join(" ")}</span>
        </p>
      )}
      <div class="actions actions--stack">
        {r === "unknown" && (
          <button type="button" class="button--primary button--big" onClick={typeAgain}>
            {s.typeAgain}
          </button>
        )}
        {offersWalkIn(r, open) && (
          <button type="button" class="button--primary button--big" onClick={openWalkIn}>
            {s.takeNumber}
          </button>
        )}
        {r === "cancelled" && !open && (
          <button type="button" class="button--primary button--big" onClick={startBooking}>
            {s.bookHere}
          </button>
        )}
        <button type="button" class="button--big" onClick={resetSession}>
          {s.home}
        </button>
      </div>
    </section>
  );
}
