import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DEPARTMENTS, findService, isDepartmentCode } from "@visit-once/workflows/contracts";
import { recordLabel } from "@/lib/steps";
import { requireUser } from "@/server/session";
import { ConsentForm, type ConsentItem } from "./consent-form";

export const metadata: Metadata = { title: "Apply" };

export default async function ServicePage({ params }: { params: Promise<{ code: string }> }) {
  await requireUser(["CITIZEN"]);
  const { code } = await params;
  const service = findService(code);
  if (!service) notFound();

  const items: ConsentItem[] = service.evidence.map((e) => {
    const department = isDepartmentCode(e.department) ? DEPARTMENTS[e.department].name : { en: e.department, zh: "" };
    return {
      recordType: e.recordType,
      recordLabel: recordLabel(e.recordType),
      departmentName: department.en,
      departmentNameZh: department.zh,
      purpose: e.purpose.en,
      purposeZh: e.purpose.zh,
    };
  });

  // Minted per page view: resubmitting this form sends the same id, so it makes one application.
  const applicationId = randomUUID();

  return (
    <section aria-labelledby="service-title" className="space-y-6">
      <div>
        <h1 id="service-title" className="text-2xl font-semibold">
          {service.title.en}
        </h1>
        <p lang="zh-Hans" className="text-lg text-slate-700">
          {service.title.zh}
        </p>
        <p className="mt-3 text-slate-800">{service.summary.en}</p>
      </div>
      <p className="text-slate-800">
        Instead of collecting documents yourself, you let each department send us the record below. Nothing is shared
        until you submit.
      </p>
      <ConsentForm applicationId={applicationId} serviceCode={service.code} items={items} />
    </section>
  );
}
