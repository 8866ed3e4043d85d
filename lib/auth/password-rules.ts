import { COMMON_PASSWORDS } from "./common-passwords";

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
