import type { Metadata } from "next";
import Link from "next/link";
import { findService } from "@visit-once/workflows/contracts";
import { formatTime } from "@/lib/format";
import { overallStatusText } from "@/lib/steps";
import { listApplications } from "@/server/applications/list-applications";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: "My applications" };

export default async function ApplicationsPage() {
  const user = await requireUser(["CITIZEN"]);
  const applications = await listApplications(user.id);
  return (
    <section aria-labelledby="apps-title" className="space-y-6">
      <h1 id="apps-title" className="text-2xl font-semibold">
        My applications
      </h1>
      {applications.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="text-slate-800">You have no applications yet</p>
          <Link href="/services" className="mt-2 inline-block text-blue-800 underline">
            See the services you can apply for
          </Link>
        </div>
      ) : (
        <ul className="space-y-3">
          {applications.map((app) => {
            const service = findService(app.serviceCode);
            return (
              <li key={app.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <Link href={`/applications/${app.id}`} className="font-semibold text-blue-800 underline-offset-4 hover:underline">
                  {service?.title.en ?? app.serviceCode}
                </Link>
                {service && (
                  <span lang="zh-Hans" className="ml-2 text-slate-600">
                    {service.title.zh}
                  </span>
                )}
                <p className="text-sm text-slate-700">
                  Submitted {formatTime(app.submittedAt)} · {overallStatusText(app.status, []).replace(/:.*$/, "")}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
