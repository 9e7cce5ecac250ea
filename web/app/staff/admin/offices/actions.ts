"use server";

import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { currentRequestId } from "@/server/http/request-id";
import type { OfficeFieldErrors } from "@/server/offices/office-input";
import { deleteOffice, saveOffice } from "@/server/offices/save-office";
import { currentUser } from "@/server/session";

// The office directory's actions: POST server actions, parsed with zod, authorised and audited
// by the operation they call (a refusal reads as "not found").

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export type OfficeState =
  | { errors: OfficeFieldErrors; values: Record<string, string> }
  | { outcome: "done" | "unchanged"; values: Record<string, string> };

/** Creates (`mode=create`) or changes an office. */
export async function saveOfficeAction(_prev: OfficeState | null, form: FormData): Promise<OfficeState> {
  const mode = field(form, "mode") === "create" ? "create" : "change";
  const values = {
    code: field(form, "code"),
    nameEn: field(form, "nameEn"),
    nameZh: field(form, "nameZh"),
    supervisor: field(form, "supervisor"),
  };
  const result = await saveOffice(await currentUser(), mode, values, await currentRequestId(), db());
  return result.ok ? { outcome: result.outcome, values } : { errors: result.errors, values };
}

/** Deletes an office nothing uses; the offices page then says what happened. */
export async function deleteOfficeAction(form: FormData): Promise<void> {
  const result = await deleteOffice(await currentUser(), field(form, "code"), await currentRequestId(), db());
  redirect(`/staff/admin/offices?status=${result.ok ? "deleted" : result.error}`);
}
