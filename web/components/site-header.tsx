import Link from "next/link";
import { currentUser } from "@/server/session";
import { SignOutButton } from "./sign-out-button";

const ROLE_NAMES = { CITIZEN: "Citizen", CASEWORKER: "Caseworker", OFFICER: "Department officer", ADMIN: "Administrator" } as const;

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          Visit Once <span lang="zh-Hans">一次办</span>
        </Link>
        {user && (
          <nav aria-label="Account" className="flex flex-wrap items-center gap-4 text-sm">
            {user.role === "CITIZEN" ? (
              <>
                <Link href="/services" className="text-blue-800 underline-offset-4 hover:underline">
                  Services
                </Link>
                <Link href="/applications" className="text-blue-800 underline-offset-4 hover:underline">
                  My applications
                </Link>
              </>
            ) : (
              <Link href="/staff" className="text-blue-800 underline-offset-4 hover:underline">
                Staff
              </Link>
            )}
            <span className="text-slate-700" data-testid="signed-in-user">
              {user.name} <span className="text-slate-600">({ROLE_NAMES[user.role]})</span>
            </span>
            <SignOutButton />
          </nav>
        )}
      </div>
    </header>
  );
}
