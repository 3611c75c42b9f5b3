/*
 * The settings store behind "Öffnungszeiten", "Schließtage", "Sondertermine", "Termine & Regeln",
 * "Anliegen" and "Räume": one `GET settings` feeds them all; each section has its own draft and save state, and after a
 * save the settings are loaded again so every section shows what the server stored. Rules for the
 * drafts live in hours.ts and rules.ts; this file only wires them to the API.
 */
import { batch, signal } from "@preact/signals";
import type { Audience } from "../../../schemas/location";
import type { AdminSettings, ClosureCreate, ClosureView, ExtraHoursCreate, RoomView, TopicCreate, TopicView } from "../../../schemas/staff-settings";
import { createAffectedFlow, overlapOf, type Decision } from "./affected";
import type { AdminApi } from "./api";
import { givenTexts, MORE_LOCALES, moreTexts, suffixOf } from "./more-languages";
import { createLoader, createSaver, wholeNumber, type FieldErrors, type FieldProblem } from "./form";
import { addSpan, checkHours, draftFromRules, hoursBody, hoursFieldFor, removeSpan, timeProblem, updateSpan, type HoursDraft, type SpanField } from "./hours";
import {
  checkOffice,
  checkRules,
  officeDraft,
  officeFieldFor,
  rulesDraft,
  rulesFieldFor,
  type OfficeDraft,
  type OfficeField,
  type RuleField,
  type RulesDraft,
} from "./rules";

// ---------------------------------------------------------------------------------------------------
// Closures

export interface ClosureDraft {
  firstDay: string;
  lastDay: string;
  reasonDe: string;
  reasonEn: string;
  /** The other resident languages (MoreLanguages.tsx); empty: German stands in. */
  reasonTr: string;
  reasonRu: string;
  reasonUk: string;
  reasonAr: string;
}
export type ClosureField = keyof ClosureDraft;
export const closureFieldId = (f: ClosureField) => `closure-${f}`;
const CLOSURE_FIELDS: readonly ClosureField[] = ["firstDay", "lastDay", "reasonDe", "reasonEn", "reasonTr", "reasonRu", "reasonUk", "reasonAr"];
const EMPTY_CLOSURE: ClosureDraft = { firstDay: "", lastDay: "", reasonDe: "", reasonEn: "", reasonTr: "", reasonRu: "", reasonUk: "", reasonAr: "" };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function checkClosure(d: ClosureDraft): FieldErrors {
  const e: Record<string, FieldProblem> = {};
  if (!DAY.test(d.firstDay)) e[closureFieldId("firstDay")] = { kind: "client", key: "dateMissing" };
  if (!DAY.test(d.lastDay)) e[closureFieldId("lastDay")] = { kind: "client", key: "dateMissing" };
  else if (DAY.test(d.firstDay) && d.lastDay < d.firstDay) e[closureFieldId("lastDay")] = { kind: "client", key: "dateOrder" };
  if (d.reasonDe.trim() === "") e[closureFieldId("reasonDe")] = { kind: "client", key: "required" };
  return e;
}

export function closureFieldFor(apiField: string): string | null {
  return (CLOSURE_FIELDS as readonly string[]).includes(apiField) ? closureFieldId(apiField as ClosureField) : null;
}

// ---------------------------------------------------------------------------------------------------
// Extra hours ("Sondertermin")

export interface ExtraDraft {
  day: string;
  opens: string;
  closes: string;
  noteDe: string;
  noteEn: string;
  /** The other resident languages (MoreLanguages.tsx); empty: German stands in. */
  noteTr: string;
  noteRu: string;
  noteUk: string;
  noteAr: string;
}
export type ExtraField = keyof ExtraDraft;
export const extraFieldId = (f: ExtraField) => `extra-${f}`;
const EXTRA_FIELDS: readonly ExtraField[] = ["day", "opens", "closes", "noteDe", "noteEn", "noteTr", "noteRu", "noteUk", "noteAr"];
const EMPTY_EXTRA: ExtraDraft = { day: "", opens: "", closes: "", noteDe: "", noteEn: "", noteTr: "", noteRu: "", noteUk: "", noteAr: "" };

/** The page's quick check of extra hours (the server's rule in short: schemas/staff-settings.ts `ExtraHoursCreate`). */
export function checkExtra(d: ExtraDraft, today: string): FieldErrors {
  const e: Record<string, FieldProblem> = {};
  if (!DAY.test(d.day)) e[extraFieldId("day")] = { kind: "client", key: "dateMissing" };
  else if (d.day < today) e[extraFieldId("day")] = { kind: "client", key: "dateInPast" };
  const o = timeProblem(d.opens.trim(), false);
  const c = timeProblem(d.closes.trim(), true);
  if (o) e[extraFieldId("opens")] = { kind: "client", key: o };
  if (c) e[extraFieldId("closes")] = { kind: "client", key: c };
  if (!o && !c && d.opens.trim() >= d.closes.trim()) e[extraFieldId("closes")] = { kind: "client", key: "opensBeforeCloses" };
  return e;
}

export function extraFieldFor(apiField: string): string | null {
  return (EXTRA_FIELDS as readonly string[]).includes(apiField) ? extraFieldId(apiField as ExtraField) : null;
}

// ---------------------------------------------------------------------------------------------------
// Topics

export interface TopicDraft {
  /** null: a new topic. */
  id: number | null;
  key: string;
  labelDe: string;
  labelEn: string;
  descriptionDe: string;
  descriptionEn: string;
  /** The other resident languages of name and description (MoreLanguages.tsx); empty: German stands in. */
  labelTr: string;
  labelRu: string;
  labelUk: string;
  labelAr: string;
  descriptionTr: string;
  descriptionRu: string;
  descriptionUk: string;
  descriptionAr: string;
  audience: Audience;
  durationMinutes: string;
  bookableOnline: boolean;
  walkIn: boolean;
  icon: string;
  sort: string;
  active: boolean;
}
export type TopicField = Exclude<keyof TopicDraft, "id">;
export const topicFieldId = (f: TopicField) => `topic-${f}`;

export function topicDraft(t: TopicView | null, nextSort: number): TopicDraft {
  if (!t) {
    return {
      id: null,
      key: "",
      labelDe: "",
      labelEn: "",
      descriptionDe: "",
      descriptionEn: "",
      ...moreTexts("label", { de: "" }),
      ...moreTexts("description", { de: "" }),
      audience: "everyone",
      durationMinutes: "30",
      bookableOnline: true,
      walkIn: true,
      icon: "chat",
      sort: String(nextSort),
      active: true,
    };
  }
  return {
    id: t.id,
    key: t.key,
    labelDe: t.label.de,
    labelEn: t.label.en ?? "",
    descriptionDe: t.description.de,
    descriptionEn: t.description.en ?? "",
    ...moreTexts("label", t.label),
    ...moreTexts("description", t.description),
    audience: t.audience,
    durationMinutes: String(t.durationMinutes),
    bookableOnline: t.bookableOnline,
    walkIn: t.walkIn,
    icon: t.icon,
    sort: String(t.sort),
    active: t.active,
  };
}

/** The key rule of the API (schemas/location.ts `TopicKey`), only for new topics: keys never change. */
const TOPIC_KEY = /^[a-z][a-z0-9-]{0,39}$/;

export function checkTopic(d: TopicDraft): FieldErrors {
  const e: Record<string, FieldProblem> = {};
  if (d.id === null) {
    if (d.key.trim() === "") e[topicFieldId("key")] = { kind: "client", key: "required" };
    else if (!TOPIC_KEY.test(d.key.trim())) e[topicFieldId("key")] = { kind: "client", key: "keyInvalid" };
  }
  if (d.labelDe.trim() === "") e[topicFieldId("labelDe")] = { kind: "client", key: "required" };
  const minutes = wholeNumber(d.durationMinutes);
  if (minutes === null) e[topicFieldId("durationMinutes")] = { kind: "client", key: "notANumber" };
  else if (minutes < 5 || minutes > 480) e[topicFieldId("durationMinutes")] = { kind: "client", key: "outOfRange" };
  else if (minutes % 5 !== 0) e[topicFieldId("durationMinutes")] = { kind: "client", key: "raster" };
  if (wholeNumber(d.sort) === null) e[topicFieldId("sort")] = { kind: "client", key: "notANumber" };
  return e;
}

/** A topic draft as the API takes it, without the key (only a new topic sends one: keys never change). */
export function topicFields(d: TopicDraft): Omit<TopicCreate, "key"> {
  return {
    label: { de: d.labelDe.trim(), en: d.labelEn.trim(), ...givenTexts(d, "label") },
    description: { de: d.descriptionDe.trim(), en: d.descriptionEn.trim(), ...givenTexts(d, "description") },
    audience: d.audience,
    durationMinutes: wholeNumber(d.durationMinutes) ?? 0,
    bookableOnline: d.bookableOnline,
    walkIn: d.walkIn,
    icon: d.icon,
    sort: wholeNumber(d.sort) ?? 0,
    active: d.active,
  };
}

/** `label.de` → the "Name (Deutsch)" field, and so on; null for a path this form does not have. */
export function topicFieldFor(apiField: string): string | null {
  const map: Record<string, TopicField> = {
    key: "key",
    label: "labelDe",
    "label.de": "labelDe",
    "label.en": "labelEn",
    description: "descriptionDe",
    "description.de": "descriptionDe",
    "description.en": "descriptionEn",
    ...Object.fromEntries(
      MORE_LOCALES.flatMap((l) => [
        [`label.${l}`, `label${suffixOf(l)}` as TopicField],
        [`description.${l}`, `description${suffixOf(l)}` as TopicField],
      ]),
    ),
    audience: "audience",
    durationMinutes: "durationMinutes",
    bookableOnline: "bookableOnline",
    walkIn: "walkIn",
    icon: "icon",
    sort: "sort",
    active: "active",
  };
  const f = map[apiField];
  return f ? topicFieldId(f) : null;
}

// ---------------------------------------------------------------------------------------------------
// Rooms

export interface RoomDraft {
  id: number | null;
  name: string;
  sort: string;
  active: boolean;
}
export type RoomField = "name" | "sort";
export const roomFieldId = (f: RoomField) => `room-${f}`;

export function roomDraft(r: RoomView | null, nextSort: number): RoomDraft {
  return r ? { id: r.id, name: r.name, sort: String(r.sort), active: r.active } : { id: null, name: "", sort: String(nextSort), active: true };
}

export function checkRoom(d: RoomDraft): FieldErrors {
  const e: Record<string, FieldProblem> = {};
  if (d.name.trim() === "") e[roomFieldId("name")] = { kind: "client", key: "required" };
  if (wholeNumber(d.sort) === null) e[roomFieldId("sort")] = { kind: "client", key: "notANumber" };
  return e;
}

const nextSortOf = (items: readonly { sort: number }[]) => (items.length === 0 ? 10 : Math.max(...items.map((i) => i.sort)) + 10);

// ---------------------------------------------------------------------------------------------------
// The store

/** The forms filled from the settings again after a save of their own. */
type Refill = "hours" | "rules" | "office";

export function createSettingsStore(api: AdminApi) {
  const settings = createLoader(api.settings);

  const hours = signal<HoursDraft | null>(null);
  const hoursSaver = createSaver();
  /** Which row each rule of the last hours body came from, for the API's field errors. */
  let hoursKeys: number[] = [];
  /** The appointments new hours would leave outside them: the question, and what was done. */
  const hoursFlow = createAffectedFlow(hoursSaver, api.saveOpeningHours, (f) => hoursFieldFor(f, hoursKeys));

  const closure = signal<ClosureDraft>(EMPTY_CLOSURE);
  const closureSaver = createSaver();
  /** The closure a new one overlapped in the last try, said at its first day. */
  let overlapped: ClosureView | null = null;
  const closureFlow = createAffectedFlow(
    closureSaver,
    async (body: ClosureCreate) => {
      try {
        return await api.addClosure(body);
      } catch (error) {
        overlapped = overlapOf(error);
        throw error;
      }
    },
    closureFieldFor,
  );
  /** The closure whose "Löschen" waits for "Ja, löschen". */
  const confirmDeleteClosure = signal<number | null>(null);
  const deleteSaver = createSaver();

  const extra = signal<ExtraDraft>(EMPTY_EXTRA);
  const extraSaver = createSaver();
  /** The extra hours whose "Löschen" waits for "Ja, löschen". */
  const confirmDeleteExtra = signal<number | null>(null);
  const extraDeleteSaver = createSaver();
  const extraDeleteFlow = createAffectedFlow(extraDeleteSaver, ({ id, ...body }: { id: number }) => api.deleteExtraHours(id, body));

  const rules = signal<RulesDraft | null>(null);
  const rulesSaver = createSaver();
  const office = signal<OfficeDraft | null>(null);
  const officeSaver = createSaver();

  /** The topic being edited (a new one has id null); null: the list only. */
  const topic = signal<TopicDraft | null>(null);
  const topicSaver = createSaver();
  const room = signal<RoomDraft | null>(null);
  const roomSaver = createSaver();

  /**
   * Loads everything. The hours and rules forms are filled from it on the first load and after their
   * own save only, so saving a topic does not throw away hours being typed in meanwhile.
   */
  async function load(refill: readonly Refill[] = []): Promise<void> {
    const s = await settings.reload();
    if (!s) return;
    fillDrafts(s, refill);
  }

  function fillDrafts(s: AdminSettings, refill: readonly Refill[]): void {
    batch(() => {
      if (!hours.value || refill.includes("hours")) hours.value = draftFromRules(s.openingRules, s.today);
      if (!rules.value || refill.includes("rules")) rules.value = rulesDraft(s.office);
      if (!office.value || refill.includes("office")) office.value = officeDraft(s.office);
    });
  }

  // Opening hours
  const editHours = (change: (d: HoursDraft) => HoursDraft) => {
    if (hours.value) hours.value = change(hours.value);
  };
  const hoursActions = {
    add: (weekday: number) => editHours((d) => addSpan(d, weekday)),
    remove: (key: number) => editHours((d) => removeSpan(d, key)),
    set: (key: number, field: SpanField, value: string) => editHours((d) => updateSpan(d, key, field, value)),
    setValidFrom: (value: string) => editHours((d) => ({ ...d, validFrom: value })),
    async save(): Promise<boolean> {
      const d = hours.value;
      const s = settings.data.value;
      if (!d || !s || hoursSaver.saving.value) return false;
      if (!hoursSaver.check(checkHours(d, s.today))) return false;
      const { body, keys } = hoursBody(d);
      hoursKeys = keys;
      if (!(await hoursFlow.submit(body))) return false;
      await load(["hours"]);
      return true;
    },
    /** "Speichern und alle absagen" / "Nur speichern" on the appointments the new hours leave outside. */
    async decide(action: Decision): Promise<boolean> {
      if (!(await hoursFlow.decide(action))) return false;
      await load(["hours"]);
      return true;
    },
  };

  // Closures
  const closureActions = {
    set: (field: ClosureField, value: string) => {
      closure.value = { ...closure.value, [field]: value };
    },
    async add(): Promise<boolean> {
      const d = closure.value;
      if (closureSaver.saving.value) return false;
      if (!closureSaver.check(checkClosure(d))) return false;
      const more = givenTexts(d, "reason");
      const body: ClosureCreate = {
        firstDay: d.firstDay,
        lastDay: d.lastDay,
        reasonDe: d.reasonDe.trim(),
        reasonEn: d.reasonEn.trim(),
        ...Object.fromEntries(MORE_LOCALES.flatMap((l) => (more[l] ? [[`reason${suffixOf(l)}`, more[l]]] : []))),
      };
      overlapped = null;
      return closureStored(await closureFlow.submit(body));
    },
    /** "Schließen und alle absagen" / "Nur schließen" on the appointments of those days. */
    async decide(action: Decision): Promise<boolean> {
      return closureStored(await closureFlow.decide(action));
    },
    askDelete: (id: number) => {
      confirmDeleteClosure.value = id;
    },
    cancelDelete: () => {
      confirmDeleteClosure.value = null;
    },
    async confirmDelete(): Promise<boolean> {
      const id = confirmDeleteClosure.value;
      if (id === null) return false;
      const r = await deleteSaver.run(() => api.deleteClosure(id));
      if (!r.ok) return false;
      confirmDeleteClosure.value = null;
      await load();
      return true;
    },
  };

  /** After a closure was sent: the form empties once it is stored; an overlap is said at its first day. */
  async function closureStored(stored: boolean): Promise<boolean> {
    if (!stored) {
      const other = overlapped;
      if (other) closureSaver.fieldErrors.value = { [closureFieldId("firstDay")]: { kind: "closureOverlap", closure: other } };
      return false;
    }
    closure.value = EMPTY_CLOSURE;
    await load();
    return true;
  }

  // Extra hours
  const extraActions = {
    set: (field: ExtraField, value: string) => {
      extra.value = { ...extra.value, [field]: value };
    },
    async add(): Promise<boolean> {
      const d = extra.value;
      const s = settings.data.value;
      if (!s || extraSaver.saving.value) return false;
      if (!extraSaver.check(checkExtra(d, s.today))) return false;
      const more = givenTexts(d, "note");
      const body: ExtraHoursCreate = {
        day: d.day,
        opens: d.opens.trim(),
        closes: d.closes.trim(),
        noteDe: d.noteDe.trim(),
        noteEn: d.noteEn.trim(),
        ...Object.fromEntries(MORE_LOCALES.flatMap((l) => (more[l] ? [[`note${suffixOf(l)}`, more[l]]] : []))),
      };
      const r = await extraSaver.run(() => api.addExtraHours(body), extraFieldFor);
      if (!r.ok) return false;
      extra.value = EMPTY_EXTRA;
      await load();
      return true;
    },
    askDelete: (id: number) => {
      extraDeleteFlow.clear();
      confirmDeleteExtra.value = id;
    },
    cancelDelete: () => {
      confirmDeleteExtra.value = null;
    },
    async confirmDelete(): Promise<boolean> {
      const id = confirmDeleteExtra.value;
      if (id === null) return false;
      return extraDeleted(await extraDeleteFlow.submit({ id }));
    },
    /** "Löschen und alle absagen" / "Nur löschen" on the appointments in those hours. */
    async decide(action: Decision): Promise<boolean> {
      return extraDeleted(await extraDeleteFlow.decide(action));
    },
  };

  async function extraDeleted(done: boolean): Promise<boolean> {
    if (!done) return false;
    confirmDeleteExtra.value = null;
    await load();
    return true;
  }

  // Booking rules
  const rulesActions = {
    set: (field: RuleField, value: string) => {
      if (rules.value) rules.value = { ...rules.value, [field]: value };
    },
    /** True when saved (or nothing had changed). */
    async save(): Promise<boolean> {
      const d = rules.value;
      const s = settings.data.value;
      if (!d || !s || rulesSaver.saving.value) return false;
      const { errors, changes } = checkRules(d, s.office);
      if (!rulesSaver.check(errors)) return false;
      // Nothing changed: the API would refuse an empty change; the page just says it is saved.
      if (Object.keys(changes).length === 0) {
        rulesSaver.saved.value++;
        return true;
      }
      const r = await rulesSaver.run(() => api.saveOffice(changes), rulesFieldFor);
      if (!r.ok) return false;
      await load(["rules"]);
      return true;
    },
  };

  // Office name, address and contact
  const officeActions = {
    set: (field: OfficeField, value: string) => {
      if (office.value) office.value = { ...office.value, [field]: value };
    },
    async save(): Promise<boolean> {
      const d = office.value;
      const s = settings.data.value;
      if (!d || !s || officeSaver.saving.value) return false;
      const { errors, changes } = checkOffice(d, s.office);
      if (!officeSaver.check(errors)) return false;
      if (Object.keys(changes).length === 0) {
        officeSaver.saved.value++;
        return true;
      }
      const r = await officeSaver.run(() => api.saveOffice(changes), officeFieldFor);
      if (!r.ok) return false;
      await load(["office"]);
      return true;
    },
  };

  // Topics
  const topicActions = {
    edit: (t: TopicView | null) => {
      topicSaver.reset();
      topic.value = topicDraft(t, nextSortOf(settings.data.value?.topics ?? []));
    },
    close: () => {
      topicSaver.reset();
      topic.value = null;
    },
    set: <F extends TopicField>(field: F, value: TopicDraft[F]) => {
      if (topic.value) topic.value = { ...topic.value, [field]: value };
    },
    async save(): Promise<boolean> {
      const d = topic.value;
      if (!d || topicSaver.saving.value) return false;
      if (!topicSaver.check(checkTopic(d))) return false;
      const fields = topicFields(d);
      const r = await topicSaver.run(
        () => (d.id === null ? api.addTopic({ key: d.key.trim(), ...fields }) : api.saveTopic(d.id, fields)),
        topicFieldFor,
      );
      if (!r.ok) return false;
      topic.value = null;
      await load();
      return true;
    },
  };

  // Rooms
  const roomActions = {
    edit: (r: RoomView | null) => {
      roomSaver.reset();
      room.value = roomDraft(r, nextSortOf(settings.data.value?.rooms ?? []));
    },
    close: () => {
      roomSaver.reset();
      room.value = null;
    },
    set: <F extends "name" | "sort" | "active">(field: F, value: RoomDraft[F]) => {
      if (room.value) room.value = { ...room.value, [field]: value };
    },
    async save(): Promise<boolean> {
      const d = room.value;
      if (!d || roomSaver.saving.value) return false;
      if (!roomSaver.check(checkRoom(d))) return false;
      const body = { name: d.name.trim(), sort: wholeNumber(d.sort) ?? 0, active: d.active };
      const fieldFor = (f: string) => (f === "name" || f === "sort" ? roomFieldId(f) : null);
      const r = await roomSaver.run(() => (d.id === null ? api.addRoom(body) : api.saveRoom(d.id, body)), fieldFor);
      if (!r.ok) return false;
      room.value = null;
      await load();
      return true;
    },
  };

  return {
    settings,
    load,
    hours,
    hoursSaver,
    hoursFlow,
    hoursActions,
    closure,
    closureSaver,
    closureFlow,
    confirmDeleteClosure,
    deleteSaver,
    closureActions,
    extra,
    extraSaver,
    confirmDeleteExtra,
    extraDeleteSaver,
    extraDeleteFlow,
    extraActions,
    rules,
    rulesSaver,
    rulesActions,
    office,
    officeSaver,
    officeActions,
    topic,
    topicSaver,
    topicActions,
    room,
    roomSaver,
    roomActions,
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
