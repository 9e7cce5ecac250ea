import { AsyncLocalStorage } from "node:async_hooks";

// The next-auth route checks the sign-in lock before next-auth runs (sign-in-route.ts), then
// next-auth calls `authorizeCredentials`, which the form's server action calls too and which
// must check it there. Within one request, the route says what it checked, so the same
// email and address are not looked up twice; nothing a client sends can say so.
const checked = new AsyncLocalStorage<{ email: string; address: string }>();

/** Runs `next` knowing that `email` from `address` was found unlocked just now. */
export function withLockChecked<T>(email: string, address: string, next: () => T): T {
  return checked.run({ email, address }, next);
}

/** Whether this request already found `email` from `address` unlocked. */
export function lockAlreadyChecked(email: string, address: string): boolean {
  const c = checked.getStore();
  return c !== undefined && c.email === email && c.address === address;
}
