import { Hono } from "hono";
import type { AppEnv } from "../app";

export const staffAdminRoutes = new Hono<AppEnv>();
