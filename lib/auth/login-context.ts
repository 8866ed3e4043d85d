import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Per request to next-auth's route (app/api/auth/[...nextauth]/route.ts): cookies that our code wants on the
 * response (the known-device cookie of issue 11 item 6), which next-auth's `authorize` cannot set itself.
 */
export interface LoginContext {
  setCookies: string[];
}
export const loginContext = new AsyncLocalStorage<LoginContext>();
