/* The administration's sections, and the topic icons an admin can choose. */

export type AdminSection = "hours" | "closures" | "extraHours" | "rules" | "office" | "topics" | "rooms" | "devices" | "team" | "audit" | "dataSubjects";

/** The topic icons the kiosk can draw (kiosk/shared/icons.tsx); others fall back to the speech bubble there. */
export const TOPIC_ICONS = ["chat", "star", "person", "document", "school", "shop", "network", "laptop", "newspaper"] as const;
