import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, LOCALES } from "@/i18n/locales";

const NAMES = { "zh-CN": "中文", en: "English" } as const;

async function chooseLanguage(formData: FormData) {
  "use server";
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
}

/** The language switch: a plain form, so it works without JavaScript too. */
export async function LanguageSwitch() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("common.header")]);
  return (
    <form action={chooseLanguage} aria-label={t("language")} className="flex items-center gap-1 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 text-blue-800 hover:bg-slate-100 aria-pressed:font-semibold aria-pressed:text-slate-900"
        >
          {NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
