import { Fragment, isValidElement, type VNode } from "preact";
import { describe, expect, it } from "vitest";
import { compactTexts, textOr, type OfficeTexts } from "../../common/texts";
import { InMessage, Localized, shownText } from "../../kiosk/shared/Localized";

/*
 * An office text on a resident's page (kiosk/shared/Localized.tsx): in the page's language where the
 * office wrote it, else the German, marked lang="de" (and dir="ltr", so it keeps its direction inside an
 * Arabic page) so that a screen reader switches to a German voice. The components render plain vnodes,
 * read here without a DOM.
 */

const TOPIC: OfficeTexts = { de: "Allgemeine Fragen", en: "General questions", ar: "أسئلة عامة" };

/** The text a vnode tree shows, with `[de:…]` around what is marked as German. */
function shown(node: unknown): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(shown).join("");
  if (!isValidElement(node)) throw new Error(`not a vnode: ${String(node)}`);
  const vnode = node as VNode<{ children?: unknown; lang?: string; dir?: string }>;
  if (typeof vnode.type === "function" && vnode.type !== Fragment) {
    return shown((vnode.type as (props: unknown) => unknown)(vnode.props));
  }
  const inner = shown(vnode.props.children);
  if (vnode.type === "span" && vnode.props.lang) return `[${vnode.props.lang}|${vnode.props.dir}:${inner}]`;
  return inner;
}

describe("shownText", () => {
  it.each<[string, OfficeTexts, Parameters<typeof shownText>[1], ReturnType<typeof shownText>]>([
    ["the page's own language", TOPIC, "ar", { text: "أسئلة عامة", lang: null }],
    ["English where written", TOPIC, "en", { text: "General questions", lang: null }],
    ["German on a German page is not marked", TOPIC, "de", { text: "Allgemeine Fragen", lang: null }],
    ["Turkish missing: the German, marked", TOPIC, "tr", { text: "Allgemeine Fragen", lang: "de" }],
    ["an empty translation counts as missing", { de: "Fragen", uk: "" }, "uk", { text: "Fragen", lang: "de" }],
  ])("%s", (_, texts, locale, expected) => {
    expect(shownText(texts, locale)).toEqual(expected);
  });
});

describe("Localized", () => {
  it("renders the page's language as plain text and the German stand-in in <span lang=de dir=ltr>", () => {
    expect(shown(Localized({ text: TOPIC, locale: "ar" }))).toBe("أسئلة عامة");
    expect(shown(Localized({ text: TOPIC, locale: "de" }))).toBe("Allgemeine Fragen");
    expect(shown(Localized({ text: TOPIC, locale: "tr" }))).toBe("[de|ltr:Allgemeine Fragen]");
    expect(shown(Localized({ text: { de: "Nur Deutsch" }, locale: "ru" }))).toBe("[de|ltr:Nur Deutsch]");
  });

  it("renders nothing for an empty text (a topic without a description)", () => {
    expect(Localized({ text: { de: "" }, locale: "tr" })).toBeNull();
  });
});

describe("InMessage", () => {
  const unsure = (topic: string) => `Nicht sicher? Wählen Sie „${topic}“.`;
  const holiday = (reason: string) => (reason ? `Feiertag: ${reason}` : "Feiertag");

  it("puts the office text into the message, marked where it stands in for a missing language", () => {
    expect(shown(InMessage({ message: unsure, text: TOPIC, locale: "tr" }))).toBe("Nicht sicher? Wählen Sie „[de|ltr:Allgemeine Fragen]“.");
    expect(shown(InMessage({ message: unsure, text: TOPIC, locale: "ar" }))).toBe("Nicht sicher? Wählen Sie „أسئلة عامة“.");
  });

  it("gives the message an empty text as such, so it can choose its short form", () => {
    expect(shown(InMessage({ message: holiday, text: { de: "" }, locale: "uk" }))).toBe("Feiertag");
    expect(shown(InMessage({ message: holiday, text: { de: "Neujahr" }, locale: "uk" }))).toBe("Feiertag: [de|ltr:Neujahr]");
  });
});

describe("common/texts", () => {
  it("textOr: the language where written, else German (staff views and mails)", () => {
    expect([textOr(TOPIC, "en"), textOr(TOPIC, "tr"), textOr({ de: "Zu", en: "" }, "en")]).toEqual(["General questions", "Allgemeine Fragen", "Zu"]);
  });

  it("compactTexts keeps German and every translation that is not blank, in the menus' order", () => {
    expect(compactTexts({ ar: "مغلق", tr: "  ", de: "Zu", en: "" })).toEqual({ de: "Zu", ar: "مغلق" });
    expect(Object.keys(compactTexts({ uk: "a", de: "b", ru: "c", en: "d" }))).toEqual(["de", "en", "ru", "uk"]);
  });
});
