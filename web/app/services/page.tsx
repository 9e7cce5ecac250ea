import type { Metadata } from "next";
import Link from "next/link";
import { SERVICES } from "@visit-once/workflows/contracts";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  await requireUser(["CITIZEN"]);
  return (
    <section aria-labelledby="services-title" className="space-y-6">
      <h1 id="services-title" className="text-2xl font-semibold">
        Services
      </h1>
      <p className="text-slate-700">Apply once. With your consent, the departments share the records the service needs.</p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {Object.values(SERVICES).map((service) => (
          <li key={service.code} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={`/services/${service.code}`} className="text-blue-800 underline-offset-4 hover:underline">
                {service.title.en}
              </Link>
            </h2>
            <p lang="zh-Hans" className="text-slate-700">
              {service.title.zh}
            </p>
            <p className="mt-3 text-slate-800">{service.summary.en}</p>
            <p lang="zh-Hans" className="mt-1 text-sm text-slate-600">
              {service.summary.zh}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
