"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

export type SignInError = "wrong" | "throttled";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: SignInError | null }) {
  const t = useTranslations("citizen.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? t(initialError) : null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (!result || result.error || !result.ok) {
        // 429: the account or this connection is locked for a while (the route said how long).
        setError(result?.status === 429 || result?.error === "Throttled" ? t("throttled") : t("wrong"));
        setBusy(false);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError(t("unavailable"));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-describedby={error ? "signin-error" : undefined}>
      {error && (
        <p id="signin-error" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor="email" className="block font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={busy}
        aria-busy={busy}
        className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {busy ? t("busy") : t("submit")}
      </button>
    </form>
  );
}
