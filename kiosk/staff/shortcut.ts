/*
 * The board's one keyboard shortcut: "/" or Ctrl+K (⌘K on a Mac) moves the focus to the search. Never
 * while a key would type into a field, nor while a modal dialog holds the focus. Pure, for the tests.
 */

/** Whether a key press would type into something: a text field, a select, an editable region. */
export function typingIn(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  return !!target && (target.isContentEditable === true || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName ?? ""));
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

export function isSearchShortcut(event: KeyPress, dialogOpen: boolean): boolean {
  if (dialogOpen || event.altKey || typingIn(event.target)) return false;
  if (event.key === "/") return !event.ctrlKey && !event.metaKey;
  return (event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey);
}
