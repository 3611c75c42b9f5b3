import { Hono } from "hono";
import type { AppEnv } from "../app";

export const staffQueueRoutes = new Hono<AppEnv>();
