import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { pick } from "@/server/localised";
import { listOffices } from "@/server/offices/list-offices";
import { officeCodeSchema } from "@/server/offices/office-input";
import { requireQueue } from "@/server/staff/staff-access";
import { OfficeForm } from "../office-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.admin.offices"))("title") };
}

/** One office's names and supervising office, to edit. */
export default async function OfficePage({ params }: { params: Promise<{ code: string }> }) {
  await requireQueue("offices");
  const { code } = await params;
  if (!officeCodeSchema.safeParse(code).success) notFound();
  const [t, locale, offices] = await Promise.all([getTranslations("staff.admin.offices"), getLocale(), listOffices()]);
  const office = offices.find((o) => o.code === code);
  if (!office) notFound();
  const choices = offices.map((o) => ({ code: o.code, name: pick(locale, { en: o.nameEn, zh: o.nameZh }) }));
  return (
    <section className="space-y-6">
      <Link href="/staff/admin/offices" className="text-blue-800 underline">
        {t("back")}
      </Link>
      <OfficeForm
        mode="change"
        initial={{
          code: office.code,
          nameEn: office.nameEn,
          nameZh: office.nameZh,
          supervisor: office.supervisingOfficeCode ?? "",
        }}
        offices={choices}
      />
    </section>
  );
}
