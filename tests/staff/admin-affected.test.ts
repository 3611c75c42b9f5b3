import { describe, expect, it } from "vitest";
import { ApiError } from "../../kiosk/shared/api";
import { affectedOf, boardLink, overlapOf } from "../../kiosk/staff/admin/affected";
import { checkExtra, closureFieldId, createSettingsStore, extraFieldId } from "../../kiosk/staff/admin/settings";
import type { ClosureCreate, ClosureCreated } from "../../schemas/staff-settings";
import { affected, affectedBooking, affectedProposal, fakeAdminApi, settings } from "./admin-fakes";

/*
 * The admin panels' side of closures, changed hours and extra hours (issue 11 items 4–6), without a
 * DOM: a change that touches appointments or open proposed times turns into a question with their list,
 * the decision is sent on exactly that list, a list that changed comes back as a new question, and what
 * was done (cancelled, withdrawn, whom to call, what stays with its day on the board) is there for the
 * page to say.
 */

const closure = (body: ClosureCreate, over: Partial<ClosureCreated> = {}): ClosureCreated => ({
  id: 7,
  firstDay: body.firstDay,
  lastDay: body.lastDay,
  reason: { de: body.reasonDe, en: body.reasonEn ?? "" },
  bookings: [],
  proposals: [],
  cancelled: 0,
  withdrawn: 0,
  mailed: 0,
  ...over,
});

async function storeWith(addClosure: (body: ClosureCreate) => ClosureCreated) {
  const api = fakeAdminApi({ settings: () => settings(), addClosure });
  const store = createSettingsStore(api);
  await store.load();
  store.closureActions.set("firstDay", "2026-11-30");
  store.closureActions.set("lastDay", "2026-11-30");
  store.closureActions.set("reasonDe", "Krankheit");
  return { api, store };
}

describe("a closure over days with appointments", () => {
  const withMail = affectedBooking({ id: "b1" });
  const byPhone = affectedBooking({ id: "b2", mail: false, phone: "0831 5555", start: "2026-11-30T14:00:00+01:00" });

  it("asks first (nothing stored, no 'Gespeichert'), then closes and cancels all on exactly that list", async () => {
    const { api, store } = await storeWith((body) => {
      if (!body.bookings) throw affected([withMail, byPhone]);
      return closure(body, { cancelled: 2, mailed: 1 });
    });
    expect(await store.closureActions.add()).toBe(false);
    expect(store.closureFlow.asking.value).toEqual({ bookings: [withMail, byPhone], proposals: [], changed: false });
    expect(store.closureSaver.saved.value).toBe(0);
    expect(store.closureSaver.failure.value).toBeNull();
    expect(store.closure.value.reasonDe).toBe("Krankheit"); // the form keeps what was typed while asking

    expect(await store.closureActions.decide("cancel")).toBe(true);
    expect(api.calls.filter((c) => c.name === "addClosure").map((c) => c.args[0])).toEqual([
      { firstDay: "2026-11-30", lastDay: "2026-11-30", reasonDe: "Krankheit", reasonEn: "" },
      { firstDay: "2026-11-30", lastDay: "2026-11-30", reasonDe: "Krankheit", reasonEn: "", bookings: { action: "cancel", ids: ["b1", "b2"], proposals: [] } },
    ]);
    expect(store.closureFlow.asking.value).toBeNull();
    // The person without an address got no mail: staff call them.
    expect(store.closureFlow.result.value).toEqual({
      action: "cancel",
      kept: { bookings: [], proposals: [] },
      cancelled: 2,
      withdrawn: 0,
      mailed: 1,
      toCall: { bookings: [byPhone], proposals: [] },
    });
    expect(store.closure.value).toEqual({ firstDay: "", lastDay: "", reasonDe: "", reasonEn: "", reasonTr: "", reasonRu: "", reasonUk: "", reasonAr: "" });
  });

  it("only close: the kept appointments are the result, each with its day on the board", async () => {
    const { store } = await storeWith((body) => {
      if (!body.bookings) throw affected([withMail]);
      return closure(body, { bookings: [withMail] });
    });
    await store.closureActions.add();
    expect(await store.closureActions.decide("keep")).toBe(true);
    expect(store.closureFlow.result.value).toMatchObject({ action: "keep", kept: { bookings: [withMail], proposals: [] }, cancelled: 0, toCall: { bookings: [], proposals: [] } });
    expect(boardLink(withMail.day)).toBe("/staff/?day=2026-11-30&view=appointments");
    expect(boardLink(withMail.day, false)).toBe("/staff/?day=2026-11-30");
  });

  it("a list that changed meanwhile comes back as a new question; the next decision is on the new list", async () => {
    const meanwhile = affectedBooking({ id: "b3", start: "2026-11-30T16:00:00+01:00" });
    let answers = 0;
    const { api, store } = await storeWith((body) => {
      answers++;
      if (answers === 1) throw affected([withMail]);
      if (answers === 2) throw affected([withMail, meanwhile]);
      return closure(body, { cancelled: 2, mailed: 2 });
    });
    await store.closureActions.add();
    expect(await store.closureActions.decide("cancel")).toBe(false);
    expect(store.closureFlow.asking.value).toEqual({ bookings: [withMail, meanwhile], proposals: [], changed: true });
    expect(await store.closureActions.decide("cancel")).toBe(true);
    expect((api.calls.at(-2)!.args[0] as ClosureCreate).bookings).toEqual({ action: "cancel", ids: ["b1", "b3"], proposals: [] });
  });

  it("with open proposed times: both lists asked about, both sent with the decision; withdrawn times without an address are to call", async () => {
    const open = affectedProposal({ id: "p1" });
    const noMail = affectedProposal({ id: "p2", requestId: "r2", mail: false, phone: "0831 4444", start: "2026-11-30T16:00:00+01:00" });
    const { api, store } = await storeWith((body) => {
      if (!body.bookings) throw affected([withMail], [open, noMail]);
      return closure(body, { cancelled: 1, withdrawn: 2, mailed: 2 });
    });
    expect(await store.closureActions.add()).toBe(false);
    expect(store.closureFlow.asking.value).toEqual({ bookings: [withMail], proposals: [open, noMail], changed: false });
    expect(await store.closureActions.decide("cancel")).toBe(true);
    expect((api.calls.at(-2)!.args[0] as ClosureCreate).bookings).toEqual({ action: "cancel", ids: ["b1"], proposals: ["p1", "p2"] });
    expect(store.closureFlow.result.value).toMatchObject({ withdrawn: 2, mailed: 2, toCall: { bookings: [], proposals: [noMail] } });
  });

  it("only proposed times, kept: they are the result, each with its day", async () => {
    const open = affectedProposal();
    const { store } = await storeWith((body) => {
      if (!body.bookings) throw affected([], [open]);
      return closure(body, { proposals: [open] });
    });
    await store.closureActions.add();
    expect(store.closureFlow.asking.value).toEqual({ bookings: [], proposals: [open], changed: false });
    expect(await store.closureActions.decide("keep")).toBe(true);
    expect(store.closureFlow.result.value).toMatchObject({ action: "keep", kept: { bookings: [], proposals: [open] }, withdrawn: 0 });
  });

  it("cancelling the question changes nothing and sends nothing more", async () => {
    const { api, store } = await storeWith(() => {
      throw affected([withMail]);
    });
    await store.closureActions.add();
    store.closureFlow.dismiss();
    expect(store.closureFlow.asking.value).toBeNull();
    expect(await store.closureActions.decide("cancel")).toBe(false);
    expect(api.calls.filter((c) => c.name === "addClosure")).toHaveLength(1);
  });

  it("an overlap is said at the first day, naming the closure entered before", async () => {
    const existing = { id: 3, firstDay: "2026-11-30", lastDay: "2026-12-01", reason: { de: "Fortbildung", en: "Training" } };
    const { store } = await storeWith(() => {
      throw new ApiError("closure_overlap", "firstDay: overlaps", 409, "firstDay", undefined, { closure: existing });
    });
    expect(await store.closureActions.add()).toBe(false);
    expect(store.closureSaver.fieldErrors.value).toEqual({ [closureFieldId("firstDay")]: { kind: "closureOverlap", closure: existing } });
    expect(store.closureFlow.asking.value).toBeNull();
  });
});

describe("reading the API's refusals", () => {
  it("takes the list and the closure from the details of their codes only", () => {
    const list = [affectedBooking()];
    expect(affectedOf(affected(list, [affectedProposal()]))).toEqual({ bookings: list, proposals: [affectedProposal()] });
    expect(affectedOf(new ApiError("bookings_affected", "x", 409))).toEqual({ bookings: [], proposals: [] });
    expect(affectedOf(new ApiError("booking_changed", "x", 409, undefined, undefined, { bookings: list }))).toBeNull();
    expect(affectedOf(new Error("x"))).toBeNull();
    expect(overlapOf(new ApiError("closure_overlap", "x", 409))).toBeNull();
  });
});

describe("extra hours", () => {
  it("the page's own check: a day from today, times on the raster, the end after the start", () => {
    const ok = { day: "2026-12-12", opens: "10:00", closes: "14:00", noteDe: "", noteEn: "" };
    expect(checkExtra(ok, "2026-11-30")).toEqual({});
    expect(checkExtra({ ...ok, day: "" }, "2026-11-30")).toEqual({ [extraFieldId("day")]: { kind: "client", key: "dateMissing" } });
    expect(checkExtra({ ...ok, day: "2026-11-29" }, "2026-11-30")).toEqual({ [extraFieldId("day")]: { kind: "client", key: "dateInPast" } });
    expect(checkExtra({ ...ok, opens: "10:03" }, "2026-11-30")).toEqual({ [extraFieldId("opens")]: { kind: "client", key: "raster" } });
    expect(checkExtra({ ...ok, closes: "09:00" }, "2026-11-30")).toEqual({ [extraFieldId("closes")]: { kind: "client", key: "opensBeforeCloses" } });
  });

  it("adds, then removes after the question: the appointments in them are asked about first", async () => {
    const view = { id: 4, day: "2026-12-12", opens: "10:00", closes: "14:00", note: { de: "Aktionstag", en: "" }, overruledBy: null };
    const booked = affectedBooking({ day: "2026-12-12", start: "2026-12-12T10:00:00+01:00", end: "2026-12-12T10:30:00+01:00" });
    const api = fakeAdminApi({
      settings: () => settings(),
      addExtraHours: () => view,
      deleteExtraHours: (_id, body) => {
        if (!body.bookings) throw affected([booked]);
        return { id: 4, deleted: true as const, bookings: [booked], proposals: [], cancelled: 0, withdrawn: 0, mailed: 0 };
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    for (const [f, v] of [["day", "2026-12-12"], ["opens", "10:00"], ["closes", "14:00"], ["noteDe", " Aktionstag "]] as const) store.extraActions.set(f, v);
    expect(await store.extraActions.add()).toBe(true);
    expect(api.calls[1]).toEqual({ name: "addExtraHours", args: [{ day: "2026-12-12", opens: "10:00", closes: "14:00", noteDe: "Aktionstag", noteEn: "" }] });

    store.extraActions.askDelete(4);
    expect(await store.extraActions.confirmDelete()).toBe(false);
    expect(store.extraDeleteFlow.asking.value?.bookings).toEqual([booked]);
    expect(await store.extraActions.decide("keep")).toBe(true);
    expect(api.calls.filter((c) => c.name === "deleteExtraHours").map((c) => c.args)).toEqual([[4, {}], [4, { bookings: { action: "keep", ids: ["b1"], proposals: [] } }]]);
    expect(store.confirmDeleteExtra.value).toBeNull();
    expect(store.extraDeleteFlow.result.value).toMatchObject({ action: "keep", kept: { bookings: [booked], proposals: [] } });
  });
});
