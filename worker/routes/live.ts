import { Hono } from "hono";
import type { AppEnv } from "../app";

export const liveRoutes = new Hono<AppEnv>();
