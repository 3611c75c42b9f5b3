import { pick } from "../shared/i18n";
import { bookableTopics, chooseTopic, locale, office, t, topicKey } from "./state";

/** "Worum geht es?": one radio per topic that can be booked, plus "not sure yet". */
export function TopicChoice() {
  const o = office.value;
  if (!o) return null;
  const s = t.value;
  const lang = locale.value;
  return (
    <section class="section" aria-labelledby="topic-heading">
      <fieldset class="choices" aria-describedby="topic-hint">
        <legend>
          <h2 id="topic-heading">{s.topicQuestion}</h2>
        </legend>
        <p id="topic-hint">{s.topicHint}</p>
        <ul class="choice-list" role="list">
          <Choice
            id="topic-none"
            label={s.noTopic}
            meta={s.minutes(o.booking.slotMinutes)}
            description={s.noTopicDescription}
            checked={topicKey.value === null}
            onChoose={() => chooseTopic(null)}
          />
          {bookableTopics.value.map((topic) => (
            <Choice
              key={topic.key}
              id={`topic-${topic.key}`}
              label={pick(topic.label, lang)}
              meta={
                s.minutes(topic.durationMinutes) + (topic.audience === "businesses" ? ` · ${s.forBusinesses}` : "")
              }
              description={pick(topic.description, lang)}
              checked={topicKey.value === topic.key}
              onChoose={() => chooseTopic(topic.key)}
            />
          ))}
        </ul>
      </fieldset>
    </section>
  );
}

interface ChoiceProps {
  id: string;
  label: string;
  meta: string;
  description: string;
  checked: boolean;
  onChoose: () => void;
}

/** One option as a card; the whole card is the label's click area, the description is its hint. */
function Choice({ id, label, meta, description, checked, onChoose }: ChoiceProps) {
  return (
    <li class="choice">
      <input type="radio" name="topic" id={id} checked={checked} onChange={onChoose} aria-describedby={`${id}-desc`} />
      <label for={id}>
        <span class="choice__label">{label}</span> <span class="choice__meta">{meta}</span>
      </label>
      <p id={`${id}-desc`} class="choice__desc">
        {description}
      </p>
    </li>
  );
}
