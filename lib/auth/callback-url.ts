/** Only a local path may be a destination after login (no open redirect, ASVS 5.1.5). */
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || /[\u0000-\u001f]/.test(raw)) return "/konto";
  return raw;
}
