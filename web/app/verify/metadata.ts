import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** The title both verification pages (the form, and a code's result) carry. */
export async function verifyMetadata(): Promise<Metadata> {
  const t = await getTranslations("citizen.verify");
  return { title: t("title") };
}
