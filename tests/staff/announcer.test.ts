import type { VNode } from "preact";
import { describe, expect, it } from "vitest";
import { Announcer } from "../../kiosk/staff/Announcer";
import { forms } from "../../kiosk/staff/state";

/*
 * The board's live region (kiosk/staff/Announcer.tsx): each notice is a line of its own, so a screen
 * reader reads it and the line shows its 8 s anew, also when its words are the last notice's words.
 */

/** The lines of the live region as rendered now: key and text. */
function lines(): { key: unknown; text: string }[] {
  const region = Announcer() as VNode<{ children: unknown[] }>;
  return region.props.children
    .filter((c): c is VNode<{ children: string }> => Boolean(c))
    .map((line) => ({ key: line.key, text: line.props.children }));
}

describe("the board's live region", () => {
  it("a second notice with the same words is a new line", () => {
    forms.notice.value = { kind: "cancelled", who: "Clara Cancel" };
    const [first] = lines();
    expect(first!.text).toBe("Der Termin von Clara Cancel ist abgesagt.");
    expect(lines()[0]!.key).toBe(first!.key);
    forms.notice.value = { kind: "cancelled", who: "Clara Cancel" };
    const [second] = lines();
    expect(second!.text).toBe(first!.text);
    expect(second!.key).not.toBe(first!.key);
  });
});
