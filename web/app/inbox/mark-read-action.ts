"use server";

import { revalidatePath } from "next/cache";
import { markRead } from "@/server/notifications/inbox";
import { currentUser } from "@/server/session";

/** The inbox's "mark as read" forms (one message, or all): authorised and audited in markRead. */
export async function markReadAction(form: FormData): Promise<void> {
  const user = await currentUser();
  await markRead(user, form.get("id"), String(form.get("requestId") ?? ""));
  revalidatePath("/", "layout");
}
