import { endSession, LOGGED_OUT_PATH } from "@/lib/actions/session-cookies";
import { redirectTo } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * "Log ud" from the account bars (components/site-shell.ts): a plain form, with or without JavaScript, so the same
 * button works on /konto, which is rendered without React (issue 13.3). Cross-site posts are refused by proxy.ts
 * (ASVS 3.5); the session cookie is SameSite=Lax as well. Then to the login page, as a GET.
 */
export async function POST(): Promise<Response> {
  await endSession();
  return redirectTo(LOGGED_OUT_PATH, 303);
}
