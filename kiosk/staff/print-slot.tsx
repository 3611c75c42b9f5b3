/*
 * The printable day list: "Drucken" and the place the list goes. The list itself (./print) is a chunk of
 * its own, fetched a moment after the board first shows (so the browser's own Ctrl+P prints it as well)
 * or when "Drucken" is pressed. On screen it is hidden; the print stylesheet shows it alone.
 */
import { useEffect, useState } from "preact/hooks";
import { lazily, withWords } from "./lazy";
import { Icon } from "./parts";
import { board } from "./state";
import { s } from "./i18n/board";

const printList = lazily(withWords(() => import("./print")));

/** Two frames: the list the signal just brought is rendered and laid out before the print dialog. */
const rendered = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

export function PrintButton() {
  const t = s.value;
  const [state, setState] = useState<"idle" | "preparing" | "failed">("idle");
  const ready = board.board.value !== null;
  const print = async () => {
    if (!ready || state === "preparing") return;
    setState("preparing");
    try {
      await printList.get();
      await rendered();
      setState("idle");
      window.print();
    } catch (error) {
      console.warn(error);
      setState("failed");
    }
  };
  return (
    <div class="print-button">
      <button type="button" aria-disabled={ready && state !== "preparing" ? undefined : "true"} onClick={() => void print()}>
        <Icon name="printer" />
        {t.print}
      </button>
      <p class="visually-hidden" role="status">
        {state === "preparing" ? t.printLoading : ""}
      </p>
      {state === "failed" && (
        <p class="action-error" role="alert">
          {t.printFailed}
        </p>
      )}
    </div>
  );
}

/** Where the day's print list is rendered (hidden on screen), once its chunk is there. */
export function PrintSlot() {
  const module = printList.loaded.value;
  const b = board.board.value;
  useEffect(() => {
    // After the first paint, so it never delays the board: then Ctrl+P finds the list too.
    const id = setTimeout(() => void printList.get().catch((error: unknown) => console.warn(error)), 1_500);
    return () => clearTimeout(id);
  }, []);
  return module && b ? <module.PrintList board={b} /> : null;
}
