import { describe, expect, it } from "vitest";
import { OfficeSettingsChanged } from "../../schemas/staff-settings";
import { createOffice } from "../helpers/fixtures";
import { auditRows, expectError, NOW, signedInAdmin, snapshot } from "./staff-settings-support";

/*
 * The legal pages' settings (provider, data protection officer, supervisory and enforcement bodies) in
 * `PUT /admin/settings/office`: stored, audited like the other texts (only that they changed), validated
 * by the multi-line rules, and shown on the pages at once.
 */

describe("PUT /admin/settings/office: the legal pages' settings", () => {
  it("stores them, audits that they changed, and the pages show them", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const res = await admin.put("/admin/settings/office", {
      providerBody: "Stadt Kempten (Allgäu)",
      providerDepartment: "Amt für Wirtschaft und Stadtentwicklung",
      dpoContact: "Behördlicher Datenschutzbeauftragter\r\nRathausplatz 29\r\n87435 Kempten (Allgäu)",
      accessibilityEnforcement: "Durchsetzungsstelle\nPostfach 1",
    });
    expect(res.status).toBe(200);
    const { office: stored } = OfficeSettingsChanged.parse(await res.json());
    expect(stored).toMatchObject({
      providerBody: "Stadt Kempten (Allgäu)",
      providerDepartment: "Amt für Wirtschaft und Stadtentwicklung",
      providerRepresentative: null,
      // CRLF stored as LF, one line each on the page.
      dpoContact: "Behördlicher Datenschutzbeauftragter\nRathausplatz 29\n87435 Kempten (Allgäu)",
      accessibilityEnforcement: "Durchsetzungsstelle\nPostfach 1",
    });
    expect(stored.privacyAuthority).toContain("Wagmüllerstraße 18");

    const [audit] = await auditRows(office);
    expect(audit).toMatchObject({
      action: "settings.office.update",
      detail: { provider_body: "changed", provider_department: "changed", dpo_contact: "changed", accessibility_enforcement: "changed" },
    });

    const impressum = await (await office.request("/impressum", {}, NOW)).text();
    expect(impressum).toContain("Amt für Wirtschaft und Stadtentwicklung");
    const datenschutz = await (await office.request("/datenschutz", {}, NOW)).text();
    expect(datenschutz).toContain("Behördlicher Datenschutzbeauftragter<br>Rathausplatz 29<br>87435 Kempten (Allgäu)");
    const statement = await (await office.request("/barrierefreiheit", {}, NOW)).text();
    expect(statement).toContain("Durchsetzungsstelle<br>Postfach 1");
  });

  it("an empty optional setting is cleared and its line leaves the page", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    await admin.put("/admin/settings/office", { providerRepresentative: "Oberbürgermeister Max Muster" });
    expect(await (await office.request("/impressum", {}, NOW)).text()).toContain("Max Muster");
    const res = await admin.put("/admin/settings/office", { providerRepresentative: "" });
    expect(OfficeSettingsChanged.parse(await res.json()).office.providerRepresentative).toBeNull();
    expect(await (await office.request("/impressum", {}, NOW)).text()).not.toContain("Max Muster");
  });

  const BAD: [string, Record<string, unknown>, string][] = [
    ["a provider over two lines", { providerBody: "Stadt\nKempten" }, "providerBody"],
    ["a provider too long", { providerDepartment: "x".repeat(201) }, "providerDepartment"],
    ["a control character in the DPO contact", { dpoContact: "Datenschutz\u0007" }, "dpoContact"],
    ["an empty supervisory authority", { privacyAuthority: "  \n " }, "privacyAuthority"],
    ["a null enforcement body", { accessibilityEnforcement: null }, "accessibilityEnforcement"],
    ["a DPO contact too long", { dpoContact: "x".repeat(1001) }, "dpoContact"],
  ];
  for (const [what, body, field] of BAD) {
    it(`${what}: 400 naming ${field}, nothing changed`, async () => {
      const office = await createOffice();
      const admin = await signedInAdmin(office);
      const before = await snapshot(office);
      await expectError(await admin.put("/admin/settings/office", body), 400, "invalid_request", field);
      expect(await snapshot(office)).toEqual(before);
    });
  }

  it("staff who are not admins cannot change them", async () => {
    const office = await createOffice();
    const member = await signedInAdmin(office, "staff");
    await expectError(await member.put("/admin/settings/office", { dpoContact: "x" }), 403, "forbidden");
  });
});
