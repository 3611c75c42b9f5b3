/*
 * "Weitere Sprachen (freiwillig)": the four resident languages beyond German and English for one of the
 * office's texts (a topic's name or description, a closure's reason, the note of extra hours), folded
 * away under a disclosure, so the form stays as short as before for an office that writes only German
 * and English. Open from the start when the text already has one of them, and whenever one has an error.
 * Each field is written in its language: `lang` and `dir` (Arabic right to left).
 */
import { useState } from "preact/hooks";
import { LANGUAGES } from "../../../common/i18n/languages";
import { officeTexts } from "../i18n/office-texts";
import type { FieldErrors } from "./form";
import { MORE_LOCALES, suffixOf, type MoreLocale } from "./more-languages";
import { Input } from "./parts";

type TextField = "reason" | "note" | "label" | "description";
type FieldOf<P extends TextField> = `${P}${Capitalize<MoreLocale>}`;

interface Props<P extends TextField> {
  /** Which text: the draft's fields are `<field>Tr`, `<field>Ru`, … */
  field: P;
  draft: Readonly<Record<FieldOf<P>, string>>;
  idOf: (f: FieldOf<P>) => string;
  set: (f: FieldOf<P>, value: string) => void;
  errors: FieldErrors;
  maxLength: number;
  multiline?: boolean;
}

export function MoreLanguages<P extends TextField>({ field, draft, idOf, set, errors, maxLength, multiline = false }: Props<P>) {
  const o = officeTexts.value;
  const fieldOf = (l: MoreLocale) => `${field}${suffixOf(l)}` as FieldOf<P>;
  const [open, setOpen] = useState(() => MORE_LOCALES.some((l) => draft[fieldOf(l)].trim() !== ""));
  const failing = MORE_LOCALES.some((l) => errors[idOf(fieldOf(l))] !== undefined);
  return (
    <details class="more-languages" open={open || failing} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{o.moreLanguages}</summary>
      <p class="admin-muted">{o.moreLanguagesHint}</p>
      {MORE_LOCALES.map((l) => (
        <Input
          key={l}
          id={idOf(fieldOf(l))}
          lang={l}
          label={o.fieldIn({ field: o.fields[field], language: LANGUAGES[l].name })}
          errors={errors}
          value={draft[fieldOf(l)]}
          maxLength={maxLength}
          multiline={multiline}
          onValue={(v) => set(fieldOf(l), v)}
        />
      ))}
    </details>
  );
}

/** "Auch auf: Türkçe, العربية" for a text's list entry; null when it has no language beyond German and English. */
export function alsoIn(texts: Partial<Record<MoreLocale, string>>): string | null {
  const names = MORE_LOCALES.filter((l) => texts[l]).map((l) => LANGUAGES[l].name);
  return names.length > 0 ? officeTexts.value.alsoIn({ languages: names.join(", ") }) : null;
}
