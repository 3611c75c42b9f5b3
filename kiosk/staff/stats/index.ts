/* The "Statistik" section, loaded on its own when the section opens; its styles come along. */
import "./stats.css";

export { StatsPanel } from "./StatsPanel";
