import type { ComponentChildren } from "preact";
import { useSignal } from "@preact/signals";
import { useLayoutEffect, useRef } from "preact/hooks";
import { Icon } from "../shared/icons";
import { k } from "./state";
import "./steps.css";

/*
 * A step whose content can be longer than the tablet (many free days or times, the request form, a
 * form with its errors, the privacy notice folded out): the heading above and the step's buttons below
 * stay on screen, this part scrolls by itself (kiosk.css, `.screen--step`). The page never scrolls.
 *
 * A visitor sees that there is more: while the end is out of view, "Weiter unten gibt es mehr" with an
 * arrow sits on the bottom edge; a tap on it scrolls on. The part is named by the screen's heading; one
 * that really scrolls is a stop of its own for the keyboard (arrow keys, Page Down, End). Tabbing through
 * its fields scrolls it anyway, and they never end up under the hint (its scroll-padding).
 */
export function ScrollArea({ children, class: className }: { children: ComponentChildren; class?: string }) {
  const region = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const scrolls = useSignal(false);
  const more = useSignal(false);
  useLayoutEffect(() => {
    const el = region.current!;
    const measure = () => {
      scrolls.value = el.scrollHeight > el.clientHeight + 1;
    };
    const sizes = new ResizeObserver(measure);
    sizes.observe(el);
    sizes.observe(content.current!);
    const seen = new IntersectionObserver((entries) => {
      more.value = !entries.at(-1)!.isIntersecting;
    }, { root: el });
    seen.observe(end.current!);
    return () => {
      sizes.disconnect();
      seen.disconnect();
    };
  }, []);
  const scrollOn = () => {
    const el = region.current!;
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollBy({ top: el.clientHeight * 0.7, behavior: still ? "auto" : "smooth" });
  };
  return (
    <div class={scrolls.value ? "scroll-area scroll-area--scrolls" : "scroll-area"}>
      <div ref={region} class="scroll-area__region" role="group" aria-labelledby="screen-heading" tabIndex={scrolls.value ? 0 : undefined}>
        <div ref={content} class={className}>
          {children}
        </div>
        <div ref={end} class="scroll-area__end" />
      </div>
      {more.value && (
        // For the eyes and fingers: the keyboard scrolls the part itself, a screen reader reads on.
        <p class="scroll-more" aria-hidden="true">
          <button type="button" class="scroll-more__button" tabIndex={-1} onClick={scrollOn}>
            <Icon name="more" />
            {k.value.moreBelow}
          </button>
        </p>
      )}
    </div>
  );
}
