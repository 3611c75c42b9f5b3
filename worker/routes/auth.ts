import { Hono } from "hono";
import type { AppEnv } from "../app";

export const authRoutes = new Hono<AppEnv>();
