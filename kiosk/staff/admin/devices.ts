/*
 * "Geräte": the office's kiosks and call displays, a new one's one-time pairing code with its countdown,
 * a display's chime and announcement, and revoking one (after a second click). The clock is passed in, so tests hold it still.
 */
import { batch, computed, signal } from "@preact/signals";
import type { DeviceCreated, DeviceKind, DisplaySettingsUpdate } from "../../../schemas/staff-settings";
import type { AdminApi } from "./api";
import { createLoader, createSaver, type FieldErrors } from "./form";

/** Whole seconds until `expiresAt` (UTC ISO), never below 0. */
export function secondsLeft(expiresAt: string, now: Date): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now.getTime()) / 1000));
}

/** A countdown as a clock shows it: "14:05", "0:09", "0:00". */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The countdown in words for screen readers, in whole minutes so it does not change every second:
 * rounded up, because "noch 1 Minute" is truer for 0:30 than "noch 0 Minuten".
 */
export function minutesLeft(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) / 60);
}

export const DEVICE_LABEL_ID = "device-label";
export const DEVICE_KIND_ID = "device-kind";

export function createDevicesStore(api: AdminApi, now: () => Date = () => new Date()) {
  const list = createLoader(api.devices);
  const kind = signal<DeviceKind>("kiosk");
  const label = signal("");
  const saver = createSaver();
  /** The code just created; shown until closed or a new one is made. */
  const created = signal<DeviceCreated | null>(null);
  const clock = signal(now());
  const remaining = computed(() => (created.value ? secondsLeft(created.value.expiresAt, clock.value) : 0));
  const expired = computed(() => created.value !== null && remaining.value === 0);
  const confirmRevoke = signal<string | null>(null);
  const revokeSaver = createSaver();
  /** A display's sound or speech switched (one toggle at a time; the display follows live). */
  const displaySaver = createSaver();
  /** The switch under way, shown as switched until the list says what the server stored. */
  const displayPending = signal<{ id: string; change: DisplaySettingsUpdate } | null>(null);
  /** A kiosk's "Bon drucken" (KioskSettings.tsx). */
  const kioskSaver = createSaver();

  function check(): FieldErrors {
    return label.value.trim() === "" ? { [DEVICE_LABEL_ID]: { kind: "client", key: "required" } } : {};
  }

  return {
    list,
    kind,
    label,
    saver,
    created,
    remaining,
    expired,
    confirmRevoke,
    revokeSaver,
    displaySaver,
    /** A display's setting as the list should show it: the switch under way, else the stored value. */
    displaySetting(id: string, key: "sound" | "speech", stored: boolean): boolean {
      const pending = displayPending.value;
      return pending?.id === id ? (pending.change[key] ?? stored) : stored;
    },
    kioskSaver,
    load: () => list.reload(),
    /** Called every second by the page while a code is shown. */
    tick: () => {
      clock.value = now();
    },
    async create(): Promise<boolean> {
      if (saver.saving.value || !saver.check(check())) return false;
      const r = await saver.run(
        () => api.addDevice({ kind: kind.value, label: label.value.trim() }),
        (f) => (f === "label" ? DEVICE_LABEL_ID : f === "kind" ? DEVICE_KIND_ID : null),
      );
      if (!r.ok) return false;
      batch(() => {
        created.value = r.value;
        clock.value = now();
        label.value = "";
      });
      await list.reload();
      return true;
    },
    closeCode: () => {
      created.value = null;
    },
    askRevoke: (id: string) => {
      confirmRevoke.value = id;
    },
    cancelRevoke: () => {
      confirmRevoke.value = null;
    },
    /** Switches a display's chime or announcement; the list shows what the server stored. */
    async setDisplay(id: string, change: DisplaySettingsUpdate): Promise<boolean> {
      if (displaySaver.saving.value) return false;
      displayPending.value = { id, change };
      try {
        const r = await displaySaver.run(() => api.saveDisplay(id, change));
        await list.reload();
        return r.ok;
      } finally {
        displayPending.value = null;
      }
    },
    async revoke(): Promise<boolean> {
      const id = confirmRevoke.value;
      if (id === null) return false;
      const r = await revokeSaver.run(() => api.revokeDevice(id));
      if (!r.ok) return false;
      batch(() => {
        confirmRevoke.value = null;
        if (created.value?.id === id) created.value = null;
      });
      await list.reload();
      return true;
    },
    /** Turns a kiosk's printed ticket on or off; the list shows the answer. */
    async setKioskPrint(id: string, print: boolean): Promise<boolean> {
      const r = await kioskSaver.run(() => api.saveKioskSettings(id, { print }));
      if (!r.ok) return false;
      await list.reload();
      return true;
    },
  };
}
export type DevicesStore = ReturnType<typeof createDevicesStore>;
