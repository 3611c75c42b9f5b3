/*
 * Moving the board from day to day: "Vorheriger Tag", "Heute", "Nächster Tag" and a date to type or pick.
 * The buttons keep the focus (press again to go on); the new day is said in a live region. Every move is
 * an entry of the history (address.ts), so back and forward, a reload and a shared link keep the day.
 */
import { useEffect, useState } from "preact/hooks";
import { addDays } from "../../common/time";
import { formatDate } from "../shared/format";
import { locale } from "../shared/locale";
import { go, officeToday, shownDay } from "./address";
import { validDay } from "./place";
import { s } from "./i18n/board";

export function DayNav() {
  const t = s.value;
  const day = shownDay();
  const today = officeToday();
  const [typed, setTyped] = useState(day ?? "");
  /** What the live region says: the day moved to by these controls (not the first day shown). */
  const [said, setSaid] = useState("");
  // The field shows the day on show, also after the arrows or the history moved it.
  useEffect(() => setTyped(day ?? ""), [day]);
  const show = (next: string | null) => {
    go({ day: next, view: "appointments" }, { focus: false });
    const target = next ?? today;
    if (target) setSaid(t.dayShown({ date: formatDate(target, locale.value) }));
  };
  const move = (days: number) => {
    if (day) show(addDays(day, days));
  };
  const off = day ? undefined : "true";
  return (
    <div class="day-nav" role="group" aria-label={t.dayNavLabel}>
      <button type="button" class="day-nav__step" aria-disabled={off} onClick={() => move(-1)}>
        <span aria-hidden="true">← </span>
        {t.previousDay}
      </button>
      <button type="button" aria-disabled={off} aria-current={day !== null && day === today ? "date" : undefined} onClick={() => show(null)}>
        {t.today}
      </button>
      <button type="button" class="day-nav__step" aria-disabled={off} onClick={() => move(1)}>
        {t.nextDay}
        <span aria-hidden="true"> →</span>
      </button>
      <form
        class="day-nav__pick"
        onSubmit={(e) => {
          e.preventDefault();
          const picked = validDay(typed);
          if (picked) show(picked);
        }}
      >
        <label for="day-pick">{t.pickDay}</label>
        <input id="day-pick" type="date" min="2000-01-01" max="2100-12-31" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        <button type="submit">{t.showDay}</button>
      </form>
      <p class="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}
