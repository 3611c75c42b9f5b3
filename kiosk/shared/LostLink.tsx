/*
 * "Link verloren?" folded under its question, on the booking page and where the manage page cannot find
 * a booking. The form (./LostLinkForm.tsx, with its own catalog) comes with a chunk the page loads
 * anyway: each page passes it in, lazily (the booking page's later steps; the manage page's proposals).
 */
import type { ComponentType } from "preact";
import { useState } from "preact/hooks";
import { t } from "./i18n/flow";

export function LostLink({ Form, office }: { Form: ComponentType<{ office?: string | undefined }>; office?: string | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="lost-link" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.value.lostLinkHeading}</summary>
      {open && <Form office={office} />}
    </details>
  );
}
