import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { IdleTimeout } from "@/components/citizen/idle-timeout";
import { SiteHeader } from "@/components/site-header";
import { env } from "@/env";
import { currentUser } from "@/server/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, user] = await Promise.all([getLocale(), getTranslations("common.site"), currentUser()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
          {user && (
            <IdleTimeout
              warningSeconds={env().VO_IDLE_WARNING_SECONDS}
              signoutSeconds={env().VO_IDLE_SIGNOUT_SECONDS}
            />
          )}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
