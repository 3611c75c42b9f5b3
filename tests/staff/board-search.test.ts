import { signal } from "@preact/signals";
import { describe, expect, it } from "vitest";
import type { BoardSearchHit, BoardSearchResult } from "../../schemas/staff-search";
import type { StaffWeek } from "../../schemas/staff-week";
import { ApiError } from "../../kiosk/shared/api";
import { createSearchStore, hitPlace } from "../../kiosk/staff/search/store";
import { SEARCH_STRINGS } from "./catalogs";
import { createWeekStore } from "../../kiosk/staff/week/store";

/*
 * The search's and the week's stores without a DOM or a server: one search at a time (a late answer is
 * dropped), what the live region says, where a hit leads, and the week that follows the day on show.
 */

function hit(over: Partial<BoardSearchHit> = {}): BoardSearchHit {
  return {
    bookingId: "b1",
    kind: "slot",
    status: "confirmed",
    day: "2026-12-02",
    start: "2026-12-02T09:30:00+01:00",
    end: "2026-12-02T10:00:00+01:00",
    topic: { key: "fragen", label: { de: "Fragen", en: "Questions" } },
    name: "Anna Berg",
    email: null,
    phone: null,
    code: "ACDEFG",
    matchedBy: ["name"],
    ...over,
  };
}

const answer = (hits: BoardSearchHit[], truncated = false): BoardSearchResult => ({ keys: ["name"], hits, truncated });

function searchWorld() {
  const sent: string[] = [];
  const waiting: ((r: BoardSearchResult) => void)[] = [];
  let refuse: Error | null = null;
  let signedOut = 0;
  const lang = signal<"de" | "en">("de");
  const store = createSearchStore({
    api: {
      search: (office, query) => {
        sent.push(`${office} ${query}`);
        if (refuse) return Promise.reject(refuse);
        return new Promise((resolve) => waiting.push(resolve));
      },
    },
    onSignedOut: () => void signedOut++,
    strings: () => SEARCH_STRINGS[lang.value],
  });
  return {
    store,
    sent,
    answer: (i: number, r: BoardSearchResult) => waiting[i]!(r),
    refuseWith: (e: Error) => void (refuse = e),
    signedOut: () => signedOut,
    speak: (l: "de" | "en") => void (lang.value = l),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the search store", () => {
  it("sends the trimmed text, says it searches, then how many were found", async () => {
    const w = searchWorld();
    const done = w.store.run("kempten-ost", "  Anna Berg ");
    expect(w.sent).toEqual(["kempten-ost Anna Berg"]);
    expect(w.store.open.value).toBe(true);
    expect(w.store.said.value).toBe("Suche läuft …");
    w.answer(0, answer([hit(), hit({ bookingId: "b2" }), hit({ bookingId: "b3" })]));
    await done;
    expect(w.store.said.value).toBe("3 Treffer.");
    w.speak("en");
    expect(w.store.said.value).toBe("3 results.");
    w.speak("de");
    const more = w.store.run("kempten-ost", "Berg");
    w.answer(1, { ...answer(Array.from({ length: 20 }, (_, i) => hit({ bookingId: `m${i}` }))), truncated: true });
    await more;
    expect(w.store.said.value).toBe("20 Treffer – es gibt mehr, bitte genauer suchen.");
    const none = w.store.run("kempten-ost", "Niemand");
    w.answer(2, answer([]));
    await none;
    expect(w.store.said.value).toBe("Keine Treffer.");
    const one = w.store.run("kempten-ost", "Anna");
    w.answer(3, answer([hit()]));
    await one;
    expect(w.store.said.value).toBe("1 Treffer.");
    // Closed, the region says nothing.
    w.store.close();
    expect(w.store.said.value).toBe("");
  });

  it("keeps the answer to the latest search: an earlier one answering late is dropped", async () => {
    const w = searchWorld();
    const first = w.store.run("o", "Anna");
    const second = w.store.run("o", "Berta");
    w.answer(1, answer([hit({ name: "Berta" })]));
    await second;
    w.answer(0, answer([hit(), hit({ bookingId: "b2" })]));
    await first;
    expect(w.store.result.value?.hits.map((h) => h.name)).toEqual(["Berta"]);
  });

  it("sends nothing shorter than two characters; a text with no key gets the API's field as its words", async () => {
    const w = searchWorld();
    await w.store.run("o", " a ");
    expect(w.sent).toEqual([]);
    expect(w.store.said.value).toBe("Bitte mindestens zwei Zeichen eingeben.");
    w.refuseWith(new ApiError("invalid_request", "query: …", 400, "query"));
    await w.store.run("o", "!!");
    expect(w.store.said.value).toBe("Bitte einen Namen, eine E-Mail-Adresse, eine Telefonnummer oder einen Code eingeben.");
    expect(w.store.problem.value).toBe("noKey");
  });

  it("a 401 ends the session; a network failure is kept as such", async () => {
    const w = searchWorld();
    w.refuseWith(new ApiError("unauthorized", "Please sign in.", 401));
    await w.store.run("o", "Anna");
    expect(w.signedOut()).toBe(1);
    w.refuseWith(new ApiError("network", "offline", 0));
    await w.store.run("o", "Anna");
    expect(w.store.problem.value).toBe("network");
    await settle();
  });
});

describe("where a hit leads", () => {
  it("an appointment to its day, whatever day is on show", () => {
    expect(hitPlace(hit(), "2026-11-23", "2026-11-30")).toEqual({ day: "2026-12-02", view: "appointments" });
    expect(hitPlace(hit({ status: "completed", day: "2026-11-02" }), null, "2026-11-30")).toEqual({ day: "2026-11-02", view: "appointments" });
  });

  it("an open request to the requests of the day on show, or of today when a day gone by is on show", () => {
    const request = hit({ kind: "request", status: "requested", day: null, start: null, end: null });
    expect(hitPlace(request, "2026-12-05", "2026-11-30")).toEqual({ day: "2026-12-05", view: "appointments" });
    expect(hitPlace(request, "2026-11-30", "2026-11-30")).toEqual({ day: "2026-11-30", view: "appointments" });
    expect(hitPlace(request, "2026-11-23", "2026-11-30")).toEqual({ day: null, view: "appointments" });
  });

  it("a declined or withdrawn request nowhere: nothing is left to do with it", () => {
    for (const status of ["declined", "cancelled"] as const) {
      expect(hitPlace(hit({ kind: "request", status, day: null, start: null, end: null }), null, "2026-11-30")).toBeNull();
    }
  });
});

describe("the week store", () => {
  const week = (from: string): StaffWeek => ({
    from,
    to: from,
    today: "2026-11-30",
    days: Array.from({ length: 7 }, (_, i) => ({ date: `${from.slice(0, 8)}${String(Number(from.slice(8)) + i).padStart(2, "0")}`, status: "open" as const, reason: null, free: i, booked: 0 })),
  });

  it("keeps the week last asked for, and says a failure", async () => {
    const asked: string[] = [];
    const waiting: ((w: StaffWeek) => void)[] = [];
    let fail: Error | null = null;
    let signedOut = 0;
    const store = createWeekStore({
      api: {
        week: (office, day) => {
          asked.push(`${office} ${day}`);
          return fail ? Promise.reject(fail) : new Promise((r) => waiting.push(r));
        },
      },
      onSignedOut: () => void signedOut++,
    });
    const first = store.load("o", "2026-11-30");
    const second = store.load("o", "2026-12-07");
    waiting[1]!(week("2026-12-07"));
    await second;
    waiting[0]!(week("2026-11-30"));
    await first;
    expect(asked).toEqual(["o 2026-11-30", "o 2026-12-07"]);
    expect(store.week.value?.from).toBe("2026-12-07");
    fail = new ApiError("network", "offline", 0);
    await store.load("o", "2026-12-14");
    expect(store.failure.value).toBe("network");
    // The week on show stays while the next does not come.
    expect(store.week.value?.from).toBe("2026-12-07");
    fail = new ApiError("unauthorized", "Please sign in.", 401);
    await store.load("o", "2026-12-14");
    expect(signedOut).toBe(1);
  });
});
