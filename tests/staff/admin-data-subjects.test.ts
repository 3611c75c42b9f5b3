import { describe, expect, it } from "vitest";
import type { DataSubjectMatches, DataSubjectSelection, Erased, FoundBooking } from "../../schemas/data-subjects";
import { createDataSubjectsStore, selectionQuery, type DataSubjectsApi } from "../../kiosk/staff/admin/data-subjects";
import { ApiError } from "../../kiosk/shared/api";

/*
 * The "Datenschutz-Anfragen" store without a DOM: what a search chooses, what the erase dialog lists
 * (active bookings are kept, not sent), one request at a time, and the search again after erasing.
 */

const found = (over: Partial<FoundBooking>): FoundBooking => ({
  id: "b1",
  kind: "slot",
  status: "completed",
  topic: { de: "Allgemeine Fragen", en: "General questions" },
  startsAt: "2026-11-30T12:00:00.000Z",
  createdAt: "2026-11-24T07:00:00.000Z",
  name: "Ayşe Yılmaz",
  email: "ayse@example.org",
  phone: "0831 12345",
  code: "ACDEFG",
  matchedBy: ["email"],
  erasable: true,
  ...over,
});

const matches = (over: Partial<DataSubjectMatches> = {}): DataSubjectMatches => ({
  keys: ["email"],
  bookings: [found({}), found({ id: "b2", status: "confirmed", erasable: false, startsAt: "2026-12-07T12:00:00.000Z" })],
  mails: [{ id: "m1", kind: "staff_sign_in", status: "sent", toAddress: "ayse@example.org", subject: "Ihr Link", createdAt: "2026-11-20T10:00:00.000Z", matchedBy: ["email"] }],
  truncated: false,
  ...over,
});

function fakeApi(answers: { search?: (q: string) => Promise<DataSubjectMatches>; erase?: (s: DataSubjectSelection) => Promise<Erased> }) {
  const calls: [string, unknown][] = [];
  const api: DataSubjectsApi = {
    search: (q) => (calls.push(["search", q]), answers.search ? answers.search(q) : Promise.reject(new Error("no search"))),
    record: (s) => (calls.push(["record", s]), Promise.reject(new Error("no record"))),
    erase: (s) => (calls.push(["erase", s]), answers.erase ? answers.erase(s) : Promise.reject(new Error("no erase"))),
    jsonHref: (s) => `/json?${selectionQuery(s)}`,
    printHref: (s) => `/print?${selectionQuery(s)}`,
  };
  return { api, calls };
}

describe("the data-subjects store", () => {
  it("does not search for less than two characters, and sends the text trimmed", async () => {
    const { api, calls } = fakeApi({ search: async () => matches() });
    const store = createDataSubjectsStore(api);
    store.query.value = " a ";
    expect(await store.search()).toBe(false);
    expect(store.failure.value).toBe("invalid");
    store.query.value = "  ayse@example.org ";
    expect(await store.search()).toBe(true);
    expect(calls).toEqual([["search", "ayse@example.org"]]);
  });

  it("chooses everything found; the links name the choice by id only", async () => {
    const { api } = fakeApi({ search: async () => matches() });
    const store = createDataSubjectsStore(api);
    store.query.value = "ayse@example.org";
    await store.search();
    expect(store.selection.value).toEqual({ bookings: ["b1", "b2"], mails: ["m1"] });
    expect(store.jsonHref()).toBe("/json?booking=b1&booking=b2&mail=m1");
    store.toggleBooking("b1", false);
    expect(store.printHref()).toBe("/print?booking=b2&mail=m1");
    expect(store.printHref()).not.toContain("ayse");
  });

  it("the erase plan takes what may go and lists the active booking as kept; nothing is sent for it", async () => {
    let erased: DataSubjectSelection | null = null;
    let searches = 0;
    const { api } = fakeApi({
      search: async () => (++searches === 1 ? matches() : matches({ bookings: [matches().bookings[1]!], mails: [] })),
      erase: async (s) => {
        erased = s;
        return { bookings: 1, mails: 4, mailsOnTheirWay: 0 };
      },
    });
    const store = createDataSubjectsStore(api);
    store.query.value = "ayse@example.org";
    await store.search();
    expect(store.erasePlan.value.bookings.map((b) => b.id)).toEqual(["b1"]);
    expect(store.erasePlan.value.kept.map((b) => b.id)).toEqual(["b2"]);
    store.askErase();
    expect(store.confirming.value).toBe(true);
    const first = store.confirmErase();
    // A second "Ja" while the first runs does nothing.
    expect(await store.confirmErase()).toBe(false);
    expect(await first).toBe(true);
    expect(erased).toEqual({ bookings: ["b1"], mails: ["m1"] });
    expect(store.erased.value).toEqual({ bookings: 1, mails: 4, mailsOnTheirWay: 0 });
    expect(store.confirming.value).toBe(false);
    // The search ran again: what is left is shown (the active booking), chosen as before.
    expect(store.matches.value!.bookings.map((b) => b.id)).toEqual(["b2"]);
    expect(store.canErase.value).toBe(false);
  });

  it("does not open the dialog when nothing may be erased", async () => {
    const { api } = fakeApi({ search: async () => matches({ bookings: [found({ erasable: false })], mails: [] }) });
    const store = createDataSubjectsStore(api);
    store.query.value = "ayse@example.org";
    await store.search();
    store.askErase();
    expect(store.confirming.value).toBe(false);
  });

  it("a refusal of the erasure says why, with the API's words naming the booking", async () => {
    const { api } = fakeApi({
      search: async () => matches(),
      erase: async () => {
        throw new ApiError("booking_active", "bookings.0: Booking b1 is still active: cancel it first.", 409, "bookings.0");
      },
    });
    const store = createDataSubjectsStore(api);
    store.query.value = "ayse@example.org";
    await store.search();
    store.askErase();
    expect(await store.confirmErase()).toBe(false);
    expect(store.failure.value).toBe("conflict");
    expect(store.failureDetail.value).toBe("Booking b1 is still active: cancel it first.");
    expect(store.erased.value).toBeNull();
  });
});
