/*
 * The board's live region: "W 7 wurde in Raum 2 aufgerufen", and what a dialog just did ("Der Termin
 * von … ist abgesagt."). Polite, so it never cuts into what a screen reader is reading.
 */
import { formatSlotName } from "../shared/format";
import { locale } from "../shared/locale";
import { timeZone } from "../shared/office";
import type { Announcement } from "./store";
import type { Notice } from "./forms";
import { board, forms } from "./state";
import { s, type StaffStrings } from "./i18n/board";

export function announcementText(a: Announcement, t: StaffStrings): string {
  switch (a.kind) {
    case "call":
      return t.announceCall({ label: a.label, room: a.room });
    case "recall":
      return t.announceRecall({ label: a.label, room: a.room });
    case "start":
      return t.announceStart({ label: a.label });
    case "finish":
      return t.announceFinish({ label: a.label });
    case "noShow":
      return t.announceNoShow({ label: a.label });
    case "requeue":
      return t.announceRequeue({ label: a.label });
    case "resent":
      return t.announceResent({ who: a.label });
  }
}

function noticeText(n: Notice, t: StaffStrings): string {
  const words = (instant: string) => formatSlotName(instant, timeZone.value, locale.value);
  switch (n.kind) {
    case "cancelled":
      return t.cancelled({ who: n.who });
    case "declined":
      return t.declined({ who: n.who });
    case "moved":
      return t.moved({ who: n.who, when: words(n.start) });
    case "proposed":
      return t.proposed(n.count, { who: n.who, until: n.until ? words(n.until) : "" });
    case "withdrawn":
      return t.withdrawn({ who: n.who, when: words(n.start) });
  }
}

/**
 * Each notice is its own event (a new object each time), also when its words are the same as the last
 * one's (a second cancellation for the same name): a new key gives it a new line, read out and shown anew.
 */
const noticeKeys = new WeakMap<Notice, number>();
let noticeCount = 0;
function keyOf(n: Notice): number {
  let key = noticeKeys.get(n);
  if (key === undefined) noticeKeys.set(n, (key = ++noticeCount));
  return key;
}

export function Announcer() {
  const t = s.value;
  const a = board.announcement.value;
  const n = forms.notice.value;
  return (
    <div class="announcer" role="status" aria-live="polite">
      {a && <p key={a.seq}>{announcementText(a, t)}</p>}
      {n && <p key={`notice-${keyOf(n)}`}>{noticeText(n, t)}</p>}
    </div>
  );
}
