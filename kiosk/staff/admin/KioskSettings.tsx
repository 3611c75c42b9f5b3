/* A kiosk's own settings in the device list: "Bon drucken" (the printed ticket, migration 0016). */
import type { DeviceView } from "../../../schemas/staff-settings";
import { kioskSettingsStrings } from "../i18n/kiosk-settings";
import type { DevicesStore } from "./devices";

export function KioskPrintToggle({ device, store }: { device: DeviceView; store: DevicesStore }) {
  const s = kioskSettingsStrings.value;
  if (!device.kiosk || device.state === "revoked") return null;
  return (
    <label class="admin-kiosk-print">
      <input
        type="checkbox"
        checked={device.kiosk.print}
        disabled={store.kioskSaver.saving.value}
        onChange={(e) => void store.setKioskPrint(device.id, e.currentTarget.checked)}
      />{" "}
      {s.print}
      <span class="visually-hidden"> {s.ofDevice({ label: device.label })}</span>
    </label>
  );
}
