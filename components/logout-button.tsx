import { logoutAction } from "@/lib/actions/account";

/** "Log ud": a plain form, so it works without JavaScript too. */
export function LogoutButton() {
  return (
    <form action={logoutAction}>
      <button type="submit" className="secondary">
        Log ud
      </button>
    </form>
  );
}
