import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DEPARTMENTS, DEPARTMENT_CODES, findService } from "@visit-once/workflows/contracts";
import { formatTime } from "@/lib/format";
import { getApplication } from "@/server/applications/get-application";
import { requireUser } from "@/server/session";
import { CaseTimeline } from "./case-timeline";

export const metadata: Metadata = { title: "Your application" };

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(["CITIZEN"]);
  const { id } = await params;
  const app = await getApplication(id, user.id);
  if (!app) notFound();
  const service = findService(app.serviceCode);
  const expectedSteps = [
    ...(service?.evidence.map((e) => ({ key: `fetch:${e.recordType}`, departmentCode: e.department as string | null })) ??
      []),
    { key: "review", departmentCode: null },
  ];
  const departmentNames = Object.fromEntries(DEPARTMENT_CODES.map((c) => [c, DEPARTMENTS[c].name.en]));

  return (
    <section aria-labelledby="app-title" className="space-y-6">
      <div>
        <h1 id="app-title" className="text-2xl font-semibold">
          {service?.title.en ?? app.serviceCode}
        </h1>
        {service && (
          <p lang="zh-Hans" className="text-lg text-slate-700">
            {service.title.zh}
          </p>
        )}
        <p className="mt-2 text-sm text-slate-700">
          Application {app.id} · submitted {formatTime(app.submittedAt)}
        </p>
      </div>
      <CaseTimeline initial={app} expectedSteps={expectedSteps} departmentNames={departmentNames} />
    </section>
  );
}
