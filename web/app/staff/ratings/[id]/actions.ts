"use server";

import { revalidatePath } from "next/cache";
import { currentRequestId } from "@/server/http/request-id";
import { replyToRectification, type ReplyResult } from "@/server/ratings/reply-rectification";
import { currentUser } from "@/server/session";

export type ReplyState = { result: ReplyResult; values: { reply: string; fixed: string } } | null;

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** An office answers a bad rating: authorised and audited in replyToRectification. */
export async function replyToRectificationAction(_prev: ReplyState, form: FormData): Promise<ReplyState> {
  const values = { reply: field(form, "reply"), fixed: field(form, "fixed") };
  const id = field(form, "rectificationId");
  const result = await replyToRectification(
    await currentUser(),
    { rectificationId: id, ...values },
    await currentRequestId(),
  );
  if (result.ok) revalidatePath(`/staff/ratings/${id}`);
  return { result, values };
}
