import { Hono } from "hono";
import type { AppEnv } from "../app";

export const displayRoutes = new Hono<AppEnv>();
