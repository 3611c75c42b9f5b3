/*
 * Who is "one client" for the budgets that count by address (the public rate limits in middleware.ts,
 * the public live sockets in live/hub.ts). An IPv6 host usually owns a whole /64 and can pick a new
 * address per request, so for IPv6 the /64 is the client. A dual-stack socket reports an IPv4 client as
 * an IPv4-mapped address (`::ffff:203.0.113.7`): that is the IPv4 address, not one /64 shared by every
 * IPv4 client in the world.
 */

/** The network a connecting address stands for: the IPv4 address itself, or the /64 of an IPv6 one. */
export function clientNetwork(address: string | undefined): string {
  const ip = address?.trim() ?? "";
  if (!ip.includes(":")) return ip || "unknown";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const [head = "", tail] = ip.toLowerCase().split("::", 2);
  const front = head ? head.split(":") : [];
  const back = tail === undefined ? [] : tail ? tail.split(":") : [];
  // "::" stands for as many zero groups as make eight (an embedded IPv4 tail only touches the last 64 bits).
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => (g.replace(/^0+/, "") || "0"))
    .join(":")}::/64`;
}
