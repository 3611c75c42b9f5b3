import { inject } from "vitest";
import type { ReceivedMail } from "../../setup/smtp-context";

/*
 * A real SMTP server of this test's own on loopback (tests/setup/smtp-server.ts runs it in Node), and
 * its controls: what arrived, take it down, bring it back, make it refuse recipients.
 */

export interface TestMailbox {
  port: number;
  /** What SMTP_URL would say to reach it. */
  smtpUrl: string;
  /** Every message that arrived, oldest first, parsed by mailparser. */
  messages(): Promise<ReceivedMail[]>;
  reset(): Promise<void>;
  /** Closes the port: connections are refused until up(). */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Answers RCPT TO with `code` (a 5xx: permanent) until accept(). */
  reject(code?: number): Promise<void>;
  accept(): Promise<void>;
  close(): Promise<void>;
}

export async function openMailbox(): Promise<TestMailbox> {
  const base = inject("smtpControlUrl");
  const call = async (method: string, path: string): Promise<unknown> => {
    const res = await fetch(`${base}${path}`, { method });
    if (!res.ok) throw new Error(`SMTP control ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { id, port } = (await call("POST", "/servers")) as { id: string; port: number };
  const path = `/servers/${id}`;
  return {
    port,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    messages: async () => (await call("GET", `${path}/messages`)) as ReceivedMail[],
    reset: async () => void (await call("POST", `${path}/reset`)),
    down: async () => void (await call("POST", `${path}/down`)),
    up: async () => void (await call("POST", `${path}/up`)),
    reject: async (code = 550) => void (await call("POST", `${path}/reject?code=${code}`)),
    accept: async () => void (await call("POST", `${path}/accept`)),
    close: async () => void (await call("DELETE", path)),
  };
}
