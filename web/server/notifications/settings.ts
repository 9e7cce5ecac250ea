import type { Db } from "@visit-once/prisma";
import type { FieldCipher } from "@visit-once/prisma/at-rest";
import { fieldCipher } from "@/env";
import { z } from "zod";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

const MOBILE = /^1[3-9]\d{9}$/;

const settingsSchema = z
  .object({
    language: z.enum(["zh-CN", "en"]),
    byEmail: z.boolean(),
    bySms: z.boolean(),
    /** A mainland mobile number (11 digits), or empty for none. */
    phone: z
      .string()
      .trim()
      .max(20)
      .refine((v) => v === "" || MOBILE.test(v.replace(/[\s-]/g, ""))),
  })
  .refine((s) => !s.bySms || s.phone !== "", { path: ["phone"] });

export type NotificationSettings = { language: "zh-CN" | "en"; byEmail: boolean; bySms: boolean; phone: string };
/** `invalid-phone`: not a mainland mobile number, or SMS wanted without one. */
export type SaveSettingsResult = "saved" | "invalid" | "invalid-phone" | "not-found";

/** The person's settings; the mobile number opened from its seal, for their own form only. */
export async function findSettings(
  actor: Actor,
  db: Db = defaultDb(),
  cipher: FieldCipher = fieldCipher(),
): Promise<NotificationSettings> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { notifyLanguage: true, notifyByEmail: true, notifyBySms: true, phone: true },
  });
  return {
    language: u.notifyLanguage === "en" ? "en" : "zh-CN",
    byEmail: u.notifyByEmail,
    bySms: u.notifyBySms,
    phone: u.phone ? cipher.open(u.phone) : "",
  };
}

/** A person's own message language and whether email goes too; bad input changes nothing. */
export async function saveSettings(
  actor: Actor | null,
  input: unknown,
  requestId: string,
  db: Db = defaultDb(),
  cipher: FieldCipher = fieldCipher(),
): Promise<SaveSettingsResult> {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return parsed.error.issues.some((i) => i.path[0] === "phone") ? "invalid-phone" : "invalid";
  const phone = parsed.data.phone.replace(/[\s-]/g, "");
  if (!actor) return "not-found";
  const done = await authoriseMutation(
    actor,
    "change",
    { kind: "notification-settings", userId: actor.id },
    `notification-settings:${actor.id}`,
    requestId,
    async (tx) => {
      // The number is personal data: sealed at rest like identity numbers.
      await tx.user.update({
        where: { id: actor.id },
        data: {
          notifyLanguage: parsed.data.language,
          notifyByEmail: parsed.data.byEmail,
          notifyBySms: parsed.data.bySms,
          phone: phone ? cipher.seal(phone) : null,
        },
      });
      return { outcome: "done" };
    },
    db,
  );
  return done.allowed ? "saved" : "not-found";
}
