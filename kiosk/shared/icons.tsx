/*
 * Line icons for the kiosk's big buttons and the topics in the admin panel: one per topic icon name the
 * office data uses (topics.icon), and a few for the kiosk's own buttons. Drawn inline (no outside origin,
 * no extra request); decorative only, the word beside each icon is the button's name.
 */

const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

const PATHS: Readonly<Record<string, readonly string[]>> = {
  chat: ["M4 5h16v11H10l-5 4v-4H4z", "M8 9.5h8M8 12.5h5"],
  star: ["M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z"],
  person: [circle(12, 8, 4), "M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"],
  document: ["M6 3h8l4 4v14H6z", "M14 3v4h4", "M9 12h6M9 16h6"],
  school: ["M2 9l10-5 10 5-10 5z", "M6 11v5c0 1.5 2.7 3 6 3s6-1.5 6-3v-5", "M22 9v6"],
  shop: ["M4 9l1.5-5h13L20 9", "M4 9v11h16V9", "M4 9h16", "M10 20v-6h4v6"],
  network: [circle(6, 6, 2.5), circle(18, 6, 2.5), circle(12, 18, 2.5), "M8.5 6h7M7.2 8.2l3.6 7.6M16.8 8.2l-3.6 7.6"],
  laptop: ["M5 5h14v10H5z", "M2 19h20"],
  newspaper: ["M4 5h13v14H6a2 2 0 0 1-2-2z", "M17 9h3v8a2 2 0 0 1-2 2", "M7 9h7M7 12.5h7M7 16h4"],
  // The kiosk's own buttons
  checkin: [circle(12, 12, 9), "M8 12.5l3 3 5-6"],
  ticket: ["M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z", "M9 7v10"],
  calendar: ["M4 6h16v14H4z", "M4 10h16", "M8 3v5M16 3v5"],
  mail: ["M3 6h18v12H3z", "M3 6l9 7 9-7"],
  qr: ["M4 4h6v6H4z", "M14 4h6v6h-6z", "M4 14h6v6H4z", "M14 14h2v2h-2zM18 18h2v2h-2zM18 14h2M14 20h2"],
  home: ["M3 11l9-8 9 8", "M5 9.5V20h14V9.5", "M10 20v-6h4v6"],
  back: ["M15 5l-7 7 7 7"],
  more: ["M5 9l7 7 7-7"],
  erase: ["M9 5h11v14H9l-6-7z", "M12 9l6 6M18 9l-6 6"],
};

/** Icons that point a way (back, the erase key): mirrored in right-to-left languages (base.css). */
const DIRECTIONAL: ReadonlySet<string> = new Set(["back", "erase"]);

/** A decorative icon; unknown names fall back to the speech bubble of "general questions". */
export function Icon({ name, class: className }: { name: string; class?: string }) {
  const paths = PATHS[name] ?? PATHS.chat!;
  const classes = ["icon", DIRECTIONAL.has(name) ? "icon--directional" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <svg class={classes} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
