import { unpairedBecause } from "./device";
import { PAIRING_CODE_LENGTH } from "../../common/limits";
import { Keypad, ScreenHeading } from "./parts";
import { busy, clearPairCode, deletePairKey, k, pairCode, pairProblem, submitPair, typePairKey } from "./state";

/** Staff: an unpaired tablet asks for the one-time pairing code. */
export function PairScreen() {
  const s = k.value;
  const problem = pairProblem.value;
  return (
    <section class="screen screen--narrow" aria-labelledby="screen-heading">
      <ScreenHeading>{s.kioskTitle}</ScreenHeading>
      <h2 class="screen-subheading">{s.pairHeading}</h2>
      {unpairedBecause.value === "forgotten" && <p class="notice">{s.pairForgotten}</p>}
      <p>{s.pairIntro}</p>
      <p class="quiet">{s.pairWhere}</p>
      <div role="alert" class="alert-region">
        {problem && <p class="alert">{problem === "unknown" ? s.pairUnknown : problem === "wrongKind" ? s.pairWrongKind : s.pairFailed}</p>}
      </div>
      <Keypad
        id="pair"
        label={s.pairCodeLabel}
        value={pairCode.value}
        length={PAIRING_CODE_LENGTH}
        submitLabel={s.pairSubmit}
        busy={busy.value === "pair"}
        onKey={typePairKey}
        onDelete={deletePairKey}
        onClear={clearPairCode}
        onSubmit={() => void submitPair()}
      />
      <div role="status" class="status">
        {busy.value === "pair" && <p>{s.pairing}</p>}
      </div>
    </section>
  );
}
