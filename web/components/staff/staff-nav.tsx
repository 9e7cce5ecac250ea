import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { decide } from "@/server/access/policy";
import { homeOffice } from "@/server/ledger/require-shared-data";
import type { SessionUser } from "@/server/session";

const QUEUES = [
  { name: "exceptions", href: "/staff/exceptions" },
  { name: "tasks", href: "/staff/tasks" },
  { name: "reviews", href: "/staff/reviews" },
  { name: "board", href: "/staff/board" },
  { name: "accounts", href: "/staff/admin/accounts" },
  { name: "ledger", href: "/staff/admin/ledger" },
  { name: "offices", href: "/staff/admin/offices" },
  { name: "services", href: "/staff/admin/services" },
  { name: "calendar", href: "/staff/admin/calendar" },
  { name: "mandates", href: "/staff/mandates" },
] as const;

/** The staff workspaces this user may open (the same policy that guards the pages). */
export async function StaffNav({ user }: { user: SessionUser }) {
  const t = await getTranslations("staff.nav");
  const queues: { name: (typeof QUEUES)[number]["name"] | "sharedData" | "ratings" | "statistics"; href: string }[] =
    QUEUES.filter((q) => decide(user, "list", { kind: "queue", name: q.name }).allowed);
  const office = homeOffice(user);
  if (decide(user, "list", { kind: "shared-data", office }).allowed)
    queues.push({ name: "sharedData", href: `/staff/shared-data/${office}` });
  if (decide(user, "list", { kind: "rectification", office }).allowed)
    queues.push({ name: "ratings", href: "/staff/ratings" });
  const figures = user.role === "ADMIN" ? null : user.departmentCode;
  if (decide(user, "read", { kind: "statistics", office: figures }).allowed)
    queues.push({ name: "statistics", href: figures ? `/staff/statistics/${figures}` : "/staff/statistics" });
  if (queues.length === 0) return null;
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-4 border-b border-slate-200 pb-3 text-sm">
      {queues.map((q) => (
        <Link key={q.name} href={q.href} className="font-medium text-blue-800 underline-offset-4 hover:underline">
          {t(q.name)}
        </Link>
      ))}
    </nav>
  );
}
