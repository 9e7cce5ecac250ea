import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/safe-callback";
import { currentUser } from "@/server/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <section aria-labelledby="signin-title" className="mx-auto max-w-md space-y-6">
      <h1 id="signin-title" className="text-2xl font-semibold">
        Sign in
      </h1>
      <SignInForm callbackUrl={callbackUrl} initialError={Boolean(params.error)} />
    </section>
  );
}
