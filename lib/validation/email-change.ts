import * as z from "zod/mini";
import "./zod";
import { emailField } from "./email";
import { currentPasswordField } from "./password-fields";

// 4.4.2 and issue 8: a new e-mail address for the account (/konto/oplysninger/adgangskode, "E-mail og adgangskode"),
// with the current password (issue 11 item 2: the same throttle as a login). The address changes when the link sent
// to it is opened (lib/dal/account-links.ts).
export const changeEmailSchema = z.strictObject({ email: emailField, currentPassword: currentPasswordField });
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;
