/*
 * The times staff proposed for a request, on its manage page (a chunk of its own, loaded only for a
 * booking that has proposals): one radio per time and "Keine Zeit passt mir", the deadline, and one
 * button that sends the answer. The mail's link chooses an answer in advance; nothing is sent before the
 * click, so a mail scanner opening the link changes nothing.
 */
import { useState } from "preact/hooks";
import { roundOutcome } from "../../common/proposals";
import { formatSlotName, formatWhen } from "../shared/format";
import { Options } from "../shared/Forms";
import { locale } from "../shared/locale";
import { booking, busy, choice, choose, confirmChoice } from "./state";
import { proposalText } from "./i18n/proposals";

export function ProposalChoice() {
  const p = proposalText.value;
  const b = booking.value!;
  const lang = locale.value;
  const tz = b.office.timezone;
  const [missing, setMissing] = useState(false);
  const open = b.proposals.filter((x) => x.status === "open");
  if (open.length === 0) {
    const outcome = roundOutcome(b.proposals.map((x) => x.status));
    if (outcome === null || outcome === "open" || outcome === "accepted") return null;
    return (
      <section class="proposals" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{p.heading(b.proposals.length)}</h2>
        <p>{p.ended[outcome]}</p>
      </section>
    );
  }
  // An answer from the link that this round does not offer (an older mail's time) is no answer.
  const chosen = choice.value === "none" || open.some((x) => x.id === choice.value) ? choice.value : null;
  const pick = (value: string) => {
    setMissing(false);
    choose(value);
  };
  return (
    <section class="proposals" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">{p.heading(open.length)}</h2>
      <p>{p.deadline({ when: formatSlotName(open[0]!.holdUntil, tz, lang) })}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) setMissing(true);
          else void confirmChoice();
        }}
      >
        <Options
          id="proposal"
          type="radio"
          legend={p.legend}
          hint={p.explain}
          error={missing ? p.chooseFirst : undefined}
          options={[
            ...open.map((x) => ({
              id: `proposal-${x.id}`,
              label: formatWhen(x.start, x.end, tz, lang),
              checked: chosen === x.id,
              onChange: () => pick(x.id),
            })),
            { id: "proposal-none", label: p.none, checked: chosen === "none", onChange: () => pick("none") },
          ]}
        />
        <div class="actions">
          <button type="submit" class="button--primary" aria-disabled={busy.value ? "true" : undefined}>
            {chosen === "none" ? p.sendNone : p.confirm}
          </button>
        </div>
      </form>
    </section>
  );
}
