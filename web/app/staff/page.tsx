import type { Metadata } from "next";
import { DEPARTMENTS, isDepartmentCode } from "@visit-once/workflows/contracts";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: "Staff" };

const ROLE_NAMES = { CASEWORKER: "Caseworker", OFFICER: "Department officer", ADMIN: "Administrator" } as const;

export default async function StaffPage() {
  const user = await requireUser(["CASEWORKER", "OFFICER", "ADMIN"]);
  const role = user.role === "CITIZEN" ? "Citizen" : ROLE_NAMES[user.role];
  const department =
    user.departmentCode && isDepartmentCode(user.departmentCode) ? DEPARTMENTS[user.departmentCode].name : null;
  return (
    <section aria-labelledby="staff-title" className="space-y-4">
      <h1 id="staff-title" className="text-2xl font-semibold">
        Staff
      </h1>
      <dl className="grid max-w-md grid-cols-[8rem_1fr] gap-y-1 rounded-lg border border-slate-200 bg-white p-4">
        <dt className="font-medium text-slate-700">Name</dt>
        <dd>{user.name}</dd>
        <dt className="font-medium text-slate-700">Role</dt>
        <dd data-testid="staff-role">{role}</dd>
        <dt className="font-medium text-slate-700">Department</dt>
        <dd>
          {department ? (
            <>
              {department.en} <span lang="zh-Hans">({department.zh})</span>
            </>
          ) : (
            "None"
          )}
        </dd>
      </dl>
      <p className="text-slate-800">
        Your workspace is not built yet. Case queues and department tools come in a later release.
      </p>
    </section>
  );
}
