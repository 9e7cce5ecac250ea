import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/session";
import { InboxLink } from "./inbox-link";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export async function SiteHeader() {
  const [user, t] = await Promise.all([currentUser(), getTranslations("common")]);
  // The header's account area: who is signed in, sign out here, or on every device.
  const link = "text-blue-800 underline-offset-4 hover:underline";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          {t("site.name")}
        </Link>
        <div className="flex flex-wrap items-center gap-4">
          {user && (
            <nav aria-label={t("header.navigation")} className="flex flex-wrap items-center gap-4 text-sm">
              {user.role === "CITIZEN" ? (
                <>
                  <Link href="/services" className={link}>
                    {t("header.services")}
                  </Link>
                  <Link href="/applications" className={link}>
                    {t("header.myApplications")}
                  </Link>
                  <Link href="/my-data" className={link}>
                    {t("header.myData")}
                  </Link>
                  <Link href="/account/mandates" className={link}>
                    {t("header.mandates")}
                  </Link>
                </>
              ) : (
                <Link href="/staff" className={link}>
                  {t("header.staff")}
                </Link>
              )}
              <InboxLink user={user} className={link} />
              <span className="text-slate-700" data-testid="signed-in-user">
                {user.name} <span className="text-slate-600">({t(`header.roles.${user.role}`)})</span>
              </span>
              <SignOutButton label={t("header.signOut")} />
              <SignOutEverywhereButton label={t("account.everywhere.button")} />
            </nav>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
