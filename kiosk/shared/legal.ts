/*
 * The office's legal documents as the pages show them in place (the booking page's privacy step, the
 * kiosk's privacy screen): fetched from the Worker when first shown, once per page, office and language,
 * so the text is the Worker's one text (common/legal) and the bundles do not carry it.
 */
import { signal } from "@preact/signals";
import type { LegalDocument, LegalLang, LegalPage } from "../../common/legal/types";
import { getLegalDocument } from "./api";

export type LegalState = { phase: "loading" } | { phase: "ready"; doc: LegalDocument } | { phase: "failed" };

/** Every document asked for, by `legalKey`. */
export const legalDocs = signal<Readonly<Record<string, LegalState>>>({});

export const legalKey = (page: LegalPage, lang: LegalLang, office: string) => `${office}/${page}/${lang}`;

/**
 * Loads a document unless it is loaded or on its way; a failed one is tried again. `fetchDoc` is the API
 * call (tests pass their own).
 */
export function loadLegal(page: LegalPage, lang: LegalLang, office: string, fetchDoc = getLegalDocument): Promise<void> {
  const key = legalKey(page, lang, office);
  const current = legalDocs.value[key];
  if (current && current.phase !== "failed") return Promise.resolve();
  const set = (state: LegalState): void => {
    legalDocs.value = { ...legalDocs.value, [key]: state };
  };
  set({ phase: "loading" });
  return fetchDoc(page, lang, office).then(
    (doc) => set({ phase: "ready", doc }),
    () => set({ phase: "failed" }),
  );
}
