"use client";

import { signIn } from "next-auth/react";

/** Sign-in through the configured OpenID Connect identity provider. */
export function SingleSignOnButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button
      type="button"
      onClick={() => void signIn("oidc", { callbackUrl })}
      className="w-full rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
