import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Slot } from "../../schemas/slots";
import { office, topic } from "./office-fixture";

/*
 * The real kiosk store (kiosk/kiosk/state.ts, book.ts and the shared booking flow) driven in Node with a
 * fake fetch, fresh modules for each test: what one visitor typed or booked never reaches the next.
 */

const SLOT_1: Slot = { start: "2030-11-25T13:00:00+01:00", end: "2030-11-25T13:30:00+01:00", free: 1 };
const SLOT_2: Slot = { start: "2030-11-25T14:00:00+01:00", end: "2030-11-25T14:30:00+01:00", free: 1 };

const OFFICE = office({ topics: [topic("fragen", { label: { de: "Fragen", en: "Questions" } })] });

type Pending = { url: string; init: RequestInit | undefined; answer: (status: number, body: unknown) => void };

function fakeFetch() {
  const posts: Pending[] = [];
  const fetch = vi.fn((input: string, init?: RequestInit) => {
    const url = String(input);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    if (url.startsWith("/api/location")) return Promise.resolve(json(200, OFFICE));
    if (url.startsWith("/api/slots")) return Promise.resolve(json(200, { days: [] }));
    if (url.startsWith("/api/kiosk/state")) return Promise.resolve(json(200, { open: true, waiting: 0, walkInTopics: [], nextOpening: null }));
    return new Promise<Response>((resolve) => posts.push({ url, init, answer: (status, body) => resolve(json(status, body)) }));
  });
  return { fetch, posts };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

async function kiosk() {
  vi.resetModules();
  const f = fakeFetch();
  vi.stubGlobal("fetch", f.fetch);
  const device = await import("../../kiosk/kiosk/device");
  const nav = await import("../../kiosk/kiosk/nav");
  const book = await import("../../kiosk/kiosk/book");
  const state = await import("../../kiosk/kiosk/state");
  const office = await import("../../kiosk/shared/office");
  device.rememberDevice("device-token");
  await office.loadOffice();
  return { f, nav, book, state, device };
}

type Kiosk = Awaited<ReturnType<typeof kiosk>>;

/** A visitor taps through to "Stimmt alles?" with their own details and time. */
function toReview(k: Kiosk, name: string, email: string, slot: Slot) {
  k.book.startBooking();
  k.book.chooseTopic("fragen");
  k.book.flow.chooseDay(slot.start.slice(0, 10));
  k.book.flow.chooseSlot(slot);
  k.book.flow.setDetail("name", name);
  k.book.flow.setDetail("email", email);
  k.book.flow.setDetail("consent", true);
  k.book.flow.confirmDetails();
  expect(k.nav.screen.value).toBe("bookReview");
}

const bookedAs = (code: string, slot: Slot) => ({
  id: `b-${code}`,
  code,
  status: "confirmed",
  start: slot.start,
  end: slot.end,
  topic: "fragen",
  manageUrl: `https://termine.example.org/manage#${code}`,
});

beforeEach(() => vi.spyOn(console, "warn").mockImplementation(() => {}));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the kiosk between two visitors", () => {
  it("'Zurück' to the start screen forgets the contact details typed, for booking and request alike", async () => {
    const k = await kiosk();
    toReview(k, "Jana Nowak", "jana@example.org", SLOT_1);
    k.book.flow.setDetail("phone", "0171 1234567");
    while (k.nav.screen.value !== "start") k.state.back();
    // The start screen waits for the next visitor (in German without an idle reset).
    expect(k.book.flow.details.value).toEqual({ name: "", email: "", phone: "", note: "", consent: false });
    k.book.openRequest();
    expect(k.book.flow.request.value).toMatchObject({ name: "", email: "", phone: "" });
  });

  it("the previous visitor's late confirmation is not shown to the next, whose own booking is", async () => {
    const k = await kiosk();
    toReview(k, "Ayşe Yılmaz", "ayse@example.org", SLOT_1);
    void k.book.flow.submitBooking();
    await settle();
    k.state.resetSession();

    toReview(k, "Max Muster", "max@example.org", SLOT_2);
    void k.book.flow.submitBooking();
    await settle();
    expect(k.f.posts).toHaveLength(2);

    k.f.posts[0]!.answer(201, bookedAs("AAAAAA", SLOT_1));
    await settle();
    expect(k.book.flow.booked.value).toBeNull();
    expect(k.book.flow.sending.value).toBe(true);
    k.f.posts[1]!.answer(201, bookedAs("MMMMMM", SLOT_2));
    await settle();
    expect(k.book.flow.booked.value).toMatchObject({ email: "max@example.org", result: { code: "MMMMMM" } });
  });

  it("a booking answered after the same visitor stepped back is still shown: it exists, and sending it again would book twice", async () => {
    const k = await kiosk();
    toReview(k, "Ayşe Yılmaz", "ayse@example.org", SLOT_1);
    void k.book.flow.submitBooking();
    await settle();
    k.state.back(); // "Zurück" while it is on its way
    k.f.posts[0]!.answer(201, bookedAs("AAAAAA", SLOT_1));
    await settle();
    expect(k.book.flow.booked.value?.result.code).toBe("AAAAAA");
    expect(k.nav.screen.value).toBe("bookDone");
  });

  it("a refusal with a code from a newer Worker is a refusal, not 'no connection' retried for ever", async () => {
    const k = await kiosk();
    k.state.openWalkIn();
    k.state.chooseWalkInTopic("fragen");
    await settle();
    const tickets = k.f.posts.filter((p) => p.url === "/api/kiosk/tickets");
    expect(tickets).toHaveLength(1);
    tickets[0]!.answer(409, { error: { code: "walk_in_limit", message: "No more numbers today." } });
    await settle();
    expect(k.nav.screen.value).not.toBe("noConnection");
    expect(k.state.busy.value).toBeNull();
  });
});
