/*
 * The search field in the section bar: a name, an e-mail address, a phone number or a check-in code, sent
 * with Enter. "/" or Ctrl+K (⌘K) moves the focus here from anywhere on the board, never while typing in
 * another field or with a dialog open. The results come as a chunk of their own (./search), below the
 * field: arrow keys or Tab move through them, Escape closes them. How many were found is said in the
 * live region here, which is on the page from the start so that screen readers hear it change.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { lazily, withWords } from "./lazy";
import { Icon } from "./parts";
import { isSearchShortcut } from "./shortcut";
import { s } from "./i18n/board";

const results = lazily(withWords(() => import("./search")));


export function SearchBox({ office }: { office: string }) {
  const t = s.value;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [failed, setFailed] = useState(false);
  const module = results.loaded.value;
  const store = module?.search;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { key, ctrlKey, metaKey, altKey } = event;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (!isSearchShortcut({ key, ctrlKey, metaKey, altKey, target }, document.querySelector("dialog[open]") !== null)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const submit = async () => {
    setFailed(false);
    try {
      const m = await results.get();
      await m.search.run(office, text);
    } catch (error) {
      console.warn(error);
      setFailed(true);
    }
  };

  return (
    <div class="search" role="search">
      <form
        class="search__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label for="board-search" class="visually-hidden">
          {t.searchLabel}
        </label>
        <input
          ref={input}
          id="board-search"
          type="search"
          class="search__input"
          placeholder={t.searchHint}
          autoComplete="off"
          spellcheck={false}
          aria-keyshortcuts="/ Control+K Meta+K"
          aria-describedby="board-search-hint"
          aria-controls={store?.open.value ? "search-results" : undefined}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && store?.open.value) {
              e.preventDefault();
              store.close();
            } else if (e.key === "ArrowDown" && store?.open.value) {
              e.preventDefault();
              document.querySelector<HTMLElement>("#search-results .hit")?.focus();
            }
          }}
        />
        <span id="board-search-hint" class="visually-hidden">
          {`${t.searchHint}. ${t.searchShortcut}.`}
        </span>
        <button type="submit" class="search__button">
          <Icon name="search" />
          <span class="visually-hidden">{t.searchButton}</span>
        </button>
      </form>
      {/* The live region; the results show the same words at their top (search/index.tsx). */}
      <p class={failed ? "search__failed" : "visually-hidden"} role="status">
        {failed ? t.searchFailed : (store?.said.value ?? "")}
      </p>
      {module && <module.SearchResults onClosed={() => input.current?.focus()} />}
    </div>
  );
}
