"use server";

import { redirect } from "next/navigation";
import { saveSettings } from "@/server/notifications/settings";
import { currentUser } from "@/server/session";

/** The message settings form: authorised and audited in saveSettings; the page says what came of it. */
export async function saveSettingsAction(form: FormData): Promise<void> {
  const user = await currentUser();
  const phone = form.get("phone");
  const input = {
    language: form.get("language"),
    byEmail: form.get("byEmail") === "on",
    bySms: form.get("bySms") === "on",
    phone: typeof phone === "string" ? phone : "",
  };
  const result = await saveSettings(user, input, String(form.get("requestId") ?? ""));
  redirect(`/inbox/settings?result=${result}`);
}
