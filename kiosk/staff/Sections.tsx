/*
 * The sections of the day: my room, the appointments of the day, the walk-in queue, open requests and
 * the last calls. Each row's buttons name their person for screen readers ("Absagen: Anna Berg, 13:00").
 * On a day gone by the appointments are read only; a row or request opened from the search is marked
 * and takes the focus.
 */
import { useEffect, useRef } from "preact/hooks";
import type { BoardAppointment, BoardRequest, BoardTicket } from "../../schemas/staff-board";
import { formatDate, formatTime, weekdayName } from "../shared/format";
import { locale, pick } from "../shared/locale";
import type { OfficeTexts } from "../../common/texts";
import { timeZone } from "../shared/office";
import { canCallAppointment, canChangeAppointment, canMarkBookingNoShow, canResendMail, estimateOf, isDue, requestRound, waitedNow, type TicketAction } from "./board";
import { AcceptedProposals, RequestProposals } from "./Proposals";
import { ActionError, Icon, StateBadge } from "./parts";
import { board, forms } from "./state";
import { callIn, s, waitedFor } from "./i18n/board";

function topicOf(t: { topic: { label: OfficeTexts } | null }): string {
  return t.topic ? pick(t.topic.label, locale.value) : "";
}

function Hidden({ children }: { children: string }) {
  return <span class="visually-hidden">{children}</span>;
}

/**
 * A row opened from the search (`board.found`): marked, and focused and brought into view once it is
 * shown, so the keyboard is right at its actions.
 */
function useFound<T extends HTMLElement>(id: string) {
  const ref = useRef<T>(null);
  const found = board.found.value === id;
  useEffect(() => {
    if (!found) return;
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: "center" });
  }, [found]);
  return { ref, found };
}

function waited(ticket: BoardTicket): string {
  return waitedFor(s.value, waitedNow(ticket, board.loadedAt.value, board.now.value));
}

/** A waiting number's wait until its call, as its status page says it (today only; fresh every minute). */
function CallIn({ ticket }: { ticket: BoardTicket }) {
  const e = estimateOf(ticket);
  if (!e) return null;
  return (
    <p class={`call-in${e.pastClosing ? " call-in--late" : ""}`}>
      <Icon name="bell" />
      {callIn(s.value, e)}
    </p>
  );
}

/** Who is called to or in my room, and what I can do with them. */
export function MyRoom() {
  const t = s.value;
  const room = board.room.value;
  const ticket = board.mine.value;
  const actions = board.myActions.value;
  // Any action under way, here or elsewhere on the board: the store takes one at a time.
  const busy = board.busy.value !== null;
  const appointment = ticket?.bookingId ? board.board.value?.appointments.find((a) => a.bookingId === ticket.bookingId) : undefined;
  const label: Record<TicketAction, string> = { recall: t.recall, start: t.start, finish: t.finish, noShow: t.noShow, requeue: t.requeue };
  return (
    <section class="card my-room" aria-labelledby="my-room-heading">
      <h2 id="my-room-heading">{room ? t.roomHeading({ room: room.name }) : t.myRoom}</h2>
      {!room ? (
        <p>{t.roomNoRoom}</p>
      ) : !ticket ? (
        <p class="my-room__empty">{t.roomEmpty}</p>
      ) : (
        <>
          <div class="my-room__who">
            <p class="my-room__label">{ticket.label}</p>
            <div>
              <p class="my-room__status">
                <Icon name={ticket.status === "in_progress" ? "talk" : "bell"} />
                <strong>{ticket.status === "in_progress" ? t.ticketStatus.in_progress : t.ticketStatus.called}</strong>
                {ticket.callCount > 0 && ` · ${t.calls(ticket.callCount)}`}
              </p>
              <p>
                {topicOf(ticket)}
                {appointment?.name && ` · ${appointment.name}`}
              </p>
              <p class="muted">
                {ticket.appointmentStart ? t.appointmentAt({ time: formatTime(ticket.appointmentStart, timeZone.value) }) : t.walkIn}
                {" · "}
                {t.waited({ text: waited(ticket) })}
              </p>
            </div>
          </div>
          <div class="actions-row">
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                class={a === "start" || a === "finish" ? "button--primary" : undefined}
                aria-disabled={busy ? "true" : undefined}
                onClick={() => void board.act(a)}
              >
                {label[a]}
              </button>
            ))}
          </div>
          {ticket.status === "called" && !actions.includes("noShow") && <p class="muted">{t.noShowHint}</p>}
        </>
      )}
      <ActionError id="room-error" failure={board.errors.value.room} />
      <OtherRooms />
    </section>
  );
}

function OtherRooms() {
  const t = s.value;
  const rooms = board.others.value;
  if (rooms.length === 0) return null;
  return (
    <div class="other-rooms">
      <h3>{t.otherRooms}</h3>
      <ul role="list">
        {rooms.map((r) => (
          <li key={r.id}>
            <strong>{r.name}:</strong>{" "}
            {r.current ? `${r.current.label} – ${r.current.status === "in_progress" ? t.ticketStatus.in_progress : t.ticketStatus.called}` : t.roomFree}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Calls one number into my room (only offered when a room is chosen). */
function CallButton({ ticketId, who }: { ticketId: string; who: string }) {
  const t = s.value;
  if (board.roomId.value === null) return null;
  return (
    <button type="button" aria-disabled={board.busy.value ? "true" : undefined} onClick={() => void board.callTicket(ticketId)}>
      {t.callThis}
      <Hidden>{`: ${who}`}</Hidden>
    </button>
  );
}

function RowError({ ticketId }: { ticketId: string }) {
  const failure = board.errors.value[`ticket:${ticketId}`];
  return failure ? <ActionError id={`error-${ticketId}`} failure={failure} /> : null;
}

/**
 * The day's appointments by time. Today due ones stand out (with a word, not just a colour) and the
 * queue's buttons are there; a day to come offers move, cancel and the mail again; a day gone by is read
 * only.
 */
export function Appointments() {
  const t = s.value;
  const list = board.board.value?.appointments ?? [];
  const now = board.now.value;
  const tense = board.tense.value ?? "today";
  const today = tense === "today";
  return (
    <section class="card" aria-labelledby="appointments-heading">
      <h2 id="appointments-heading">{today ? t.appointmentsHeading : t.appointmentsOfDay}</h2>
      {list.length === 0 ? (
        <p>{today ? t.noAppointments : t.noAppointmentsOfDay}</p>
      ) : (
        <ol class="timeline" role="list">
          {list.map((a) => (
            <AppointmentRow
              key={a.bookingId}
              a={a}
              due={today && isDue(a, now)}
              missed={today && canMarkBookingNoShow(a, now)}
              readOnly={tense === "past"}
              queue={today}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * `missed`: booked, nobody checked in, and check-in has closed: "Nicht erschienen" is offered. `queue`:
 * the day's queue runs here (today). `readOnly`: a day gone by, no action at all.
 */
function AppointmentRow({ a, due, missed, readOnly, queue }: { a: BoardAppointment; due: boolean; missed: boolean; readOnly: boolean; queue: boolean }) {
  const t = s.value;
  const tz = timeZone.value;
  const time = formatTime(a.start, tz);
  const who = `${a.name ?? a.code}, ${time}`;
  const inactive = a.state === "cancelled" || a.state === "done" || a.state === "no_show";
  const { ref, found } = useFound<HTMLLIElement>(a.bookingId);
  return (
    <li
      ref={ref}
      id={`appt-${a.bookingId}`}
      tabIndex={found ? -1 : undefined}
      class={`appt${due ? " appt--due" : ""}${inactive ? " appt--inactive" : ""}${found ? " appt--found" : ""}`}
    >
      <p class="appt__time">
        <time dateTime={a.start}>{time}</time>
        <span class="muted">–{formatTime(a.end, tz)}</span>
      </p>
      <div class="appt__body">
        <p class="appt__state">
          <StateBadge state={a.state} />
          {due && (
            <span class="due">
              <Icon name="clock" />
              {t.due}
            </span>
          )}
          {a.ticket && <span class="appt__ticket">{a.ticket.label}</span>}
        </p>
        <p class="appt__who">
          <strong>{a.name ?? "—"}</strong> · {pick(a.topic.label, locale.value)}
        </p>
        <p class="muted">
          {t.code} {a.code}
          {a.phone && ` · ${a.phone}`}
          {a.email && ` · ${a.email}`}
        </p>
        {queue && a.ticket && <CallIn ticket={a.ticket} />}
        {a.note && <p class="appt__note">{a.note}</p>}
        {!readOnly && (
          <div class="actions-row">
            {queue && canCallAppointment(a) && a.ticket && <CallButton ticketId={a.ticket.id} who={who} />}
            {missed && (
              <button
                type="button"
                aria-disabled={board.busy.value ? "true" : undefined}
                onClick={() => void board.markBookingNoShow(a.bookingId)}
              >
                {t.bookingNoShow}
                <Hidden>{`: ${who}`}</Hidden>
              </button>
            )}
            {canChangeAppointment(a) && (
              <>
                <button type="button" onClick={() => forms.open({ kind: "move", appointment: a })}>
                  {t.move}
                  <Hidden>{`: ${who}`}</Hidden>
                </button>
                <button type="button" onClick={() => forms.open({ kind: "cancel", appointment: a })}>
                  {t.cancel}
                  <Hidden>{`: ${who}`}</Hidden>
                </button>
              </>
            )}
            {canResendMail(a) && a.mail && (
              <button type="button" aria-disabled={board.busy.value ? "true" : undefined} onClick={() => void board.resendMail(a.bookingId)}>
                <Icon name="mail" />
                {t.resend}
                <Hidden>{` (${t.mailKinds[a.mail.kind]}): ${who}`}</Hidden>
              </button>
            )}
          </div>
        )}
        {a.ticket && <RowError ticketId={a.ticket.id} />}
        {board.errors.value[`booking:${a.bookingId}`] && (
          <ActionError id={`error-booking-${a.bookingId}`} failure={board.errors.value[`booking:${a.bookingId}`]} />
        )}
      </div>
    </li>
  );
}

/** The walk-ins still waiting, in the order they came; "waited" counts on every minute. */
export function WalkIns() {
  const t = s.value;
  const list = board.waiting.value;
  return (
    <section class="card" aria-labelledby="walkins-heading">
      <h2 id="walkins-heading">{t.walkInsHeading}</h2>
      {list.length === 0 ? (
        <p>{t.noWalkIns}</p>
      ) : (
        <ol class="queue" role="list">
          {list.map((w) => (
            <li key={w.id} class="queue__row">
              <p class="queue__label">{w.label}</p>
              <p class="queue__topic">{topicOf(w)}</p>
              <p class="queue__waited">
                <Icon name="clock" />
                {t.waited({ text: waited(w) })}
              </p>
              <CallIn ticket={w} />
              <div class="queue__action">
                <CallButton ticketId={w.id} who={w.label} />
              </div>
              <RowError ticketId={w.id} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Requests "nach Vereinbarung" with the wishes and proposed times, and propose / decline. */
export function Requests() {
  const t = s.value;
  const list = board.board.value?.requests ?? [];
  return (
    <section class="card" aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t.requestsHeading}</h2>
      {list.length === 0 ? (
        <p>{t.noRequests}</p>
      ) : (
        <ul class="requests" role="list">
          {list.map((r) => (
            <RequestItem key={r.id} r={r} />
          ))}
        </ul>
      )}
      <AcceptedProposals />
    </section>
  );
}

function RequestItem({ r }: { r: BoardRequest }) {
  const t = s.value;
  const lang = locale.value;
  const who = r.name ?? r.email ?? "—";
  const { ref, found } = useFound<HTMLLIElement>(r.id);
  const round = requestRound(r, board.now.value);
  return (
    <li ref={ref} id={`request-${r.id}`} tabIndex={found ? -1 : undefined} class={`request${found ? " request--found" : ""}`}>
      <h3>
        {who} · {pick(r.topic.label, lang)}
      </h3>
      <dl class="request__wishes">
        {r.preferredWeekdays.length > 0 && (
          <div>
            <dt>{t.weekdays}</dt>
            <dd>{r.preferredWeekdays.map((d) => weekdayName(d, lang)).join(", ")}</dd>
          </div>
        )}
        {r.preferredTimes.length > 0 && (
          <div>
            <dt>{t.timesLabel}</dt>
            <dd>{r.preferredTimes.map((x) => t.timesOfDay[x] ?? x).join(", ")}</dd>
          </div>
        )}
        {r.wish && (
          <div>
            <dt>{t.wish}</dt>
            <dd>{r.wish}</dd>
          </div>
        )}
        <div>
          <dt>{t.received}</dt>
          <dd>{formatDate(r.createdAt.slice(0, 10), lang)}</dd>
        </div>
        {r.email ? (
          <div>
            <dt>{t.contact}</dt>
            <dd>
              {r.phone && (
                <>
                  <bdi dir="ltr">{r.phone}</bdi>
                  {" · "}
                </>
              )}
              <bdi dir="ltr">{r.email}</bdi>
            </dd>
          </div>
        ) : (
          r.phone && (
            <div class="request__call">
              <dt>{t.callBack}</dt>
              <dd>
                <a href={`tel:${r.phone.replace(/[^0-9+]/g, "")}`}>
                  <bdi dir="ltr">{r.phone}</bdi>
                </a>
              </dd>
            </div>
          )
        )}
      </dl>
      {!r.email && <p class="hint">{t.noEmail}</p>}
      <RequestProposals request={r} />
      <div class="actions-row">
        {!r.email ? (
          <button type="button" class="button--primary" onClick={() => forms.open({ kind: "phone", request: r })}>
            {t.bookForRequest}
            <Hidden>{`: ${who}`}</Hidden>
          </button>
        ) : round.canPropose && (
          <button type="button" class="button--primary" onClick={() => forms.open({ kind: "propose", request: r })}>
            {round.outcome ? t.proposeAgain : t.propose}
            <Hidden>{`: ${who}`}</Hidden>
          </button>
        )}
        <button type="button" onClick={() => forms.open({ kind: "decline", request: r })}>
          {t.decline}
          <Hidden>{`: ${who}`}</Hidden>
        </button>
      </div>
    </li>
  );
}

/** The last calls of the day, as the waiting room's display shows them. */
export function LastCalls() {
  const t = s.value;
  const calls = board.board.value?.calls ?? [];
  if (calls.length === 0) return null;
  return (
    <section class="card" aria-labelledby="calls-heading">
      <h2 id="calls-heading">{t.lastCallsHeading}</h2>
      <ul class="calls" role="list">
        {calls.map((c) => (
          <li key={`${c.ticketId}|${c.at}`}>
            <time dateTime={c.at}>{formatTime(c.at, timeZone.value)}</time> <strong>{c.label}</strong> → {c.room}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The desk's two buttons: a phone booking and a walk-in without the tablet (today's queue only). */
export function Desk() {
  const t = s.value;
  const today = (board.tense.value ?? "today") === "today";
  return (
    <section class="card desk" aria-labelledby="desk-heading">
      <h2 id="desk-heading">{t.deskHeading}</h2>
      <div class="actions-row">
        <button type="button" onClick={() => forms.open({ kind: "phone" })}>
          <Icon name="phone" />
          {t.phoneBooking}
        </button>
        {today && (
          <button type="button" onClick={() => forms.open({ kind: "walkIn" })}>
            <Icon name="plus" />
            {t.deskWalkIn}
          </button>
        )}
      </div>
    </section>
  );
}
