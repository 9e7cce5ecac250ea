import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { newRequestId } from "@/lib/request-id";
import { findSettings } from "@/server/notifications/settings";
import { requireUser } from "@/server/session";
import { saveSettingsAction } from "./save-settings-action";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.settings"))("title") };
}

/** 消息设置: the language of a person's messages, and whether they also go by email. */
export default async function NotificationSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ result?: string }>;
}) {
  const user = await requireUser();
  const [t, settings, { result }] = await Promise.all([
    getTranslations("notifications.settings"),
    findSettings(user),
    searchParams,
  ]);
  return (
    <section aria-labelledby="settings-title" className="max-w-2xl space-y-6">
      <div className="space-y-2">
        <h1 id="settings-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-800">{t("intro")}</p>
      </div>
      {result === "saved" && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("saved")}
        </p>
      )}
      {(result === "invalid" || result === "invalid-phone") && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{t("problem")}</p>
          <a href={result === "invalid-phone" ? "#phone" : "#language"} className="underline underline-offset-4">
            {result === "invalid-phone" ? t("invalidPhone") : t("invalid")}
          </a>
        </div>
      )}
      <form action={saveSettingsAction} className="space-y-4">
        <input type="hidden" name="requestId" value={newRequestId()} />
        <div className="space-y-1">
          <label htmlFor="language" className="block font-medium">
            {t("language")}
          </label>
          <select
            id="language"
            name="language"
            defaultValue={settings.language}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="zh-CN">{t("languages.zh-CN")}</option>
            <option value="en">{t("languages.en")}</option>
          </select>
        </div>
        <div className="flex items-center gap-2">
          <input id="byEmail" name="byEmail" type="checkbox" defaultChecked={settings.byEmail} className="h-4 w-4" />
          <label htmlFor="byEmail">{t("byEmail", { email: user.email })}</label>
        </div>
        <div className="space-y-1">
          <label htmlFor="phone" className="block font-medium">
            {t("phone")}
          </label>
          <p id="phone-hint" className="text-sm text-slate-700">
            {t("phoneHint")}
          </p>
          {result === "invalid-phone" && (
            <p id="phone-error" className="text-sm font-semibold text-red-800">
              {t("invalidPhone")}
            </p>
          )}
          <input
            id="phone"
            name="phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel-national"
            defaultValue={settings.phone}
            aria-describedby={result === "invalid-phone" ? "phone-hint phone-error" : "phone-hint"}
            aria-invalid={result === "invalid-phone" ? true : undefined}
            className="w-60 rounded-md border border-slate-400 bg-white px-3 py-2"
          />
        </div>
        <div className="flex items-center gap-2">
          <input id="bySms" name="bySms" type="checkbox" defaultChecked={settings.bySms} className="h-4 w-4" />
          <label htmlFor="bySms">{t("bySms")}</label>
        </div>
        <button type="submit" className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          {t("save")}
        </button>
      </form>
    </section>
  );
}
