import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/policy";
import { testAccount, testDb } from "@/testing/database";
import { listOffices } from "./list-offices";
import { deleteOffice, saveOffice } from "./save-office";

const db = testDb();
afterAll(() => db.$disconnect());

const code = () => `office-${randomUUID().slice(0, 8)}`;
const asActor = (u: { id: string; role: Actor["role"]; departmentCode: string | null }): Actor => ({
  id: u.id,
  role: u.role,
  departmentCode: u.departmentCode,
});

describe("offices on PostgreSQL", () => {
  it("the migration brings every step office under the general office", async () => {
    const offices = await listOffices(db);
    const health = offices.find((o) => o.code === "health");
    expect(health).toMatchObject({ nameZh: "卫生健康委员会", supervisingOfficeCode: "general-office" });
    expect(offices.find((o) => o.code === "general-office")?.supervisingOfficeCode).toBeNull();
  });

  it("an administrator creates and edits an office; saving the same again changes nothing; each is audited with its outcome", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    const c = code();
    const requestId = randomUUID();
    expect(
      await saveOffice(
        admin,
        "create",
        { code: c, nameEn: "City Archives", nameZh: "档案馆", supervisor: "general-office" },
        requestId,
        db,
      ),
    ).toEqual({ ok: true, outcome: "done" });
    expect(
      await saveOffice(admin, "create", { code: c, nameEn: "Twice", nameZh: "两次", supervisor: "" }, randomUUID(), db),
    ).toEqual({ ok: false, errors: { code: "code-taken" } });
    const again = randomUUID();
    expect(
      await saveOffice(
        admin,
        "change",
        { code: c, nameEn: "City Archives", nameZh: "档案馆", supervisor: "general-office" },
        again,
        db,
      ),
    ).toEqual({ ok: true, outcome: "unchanged" });
    expect(
      await saveOffice(
        admin,
        "change",
        { code: c, nameEn: "Municipal Archives", nameZh: "市档案馆", supervisor: "civil-affairs" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: true, outcome: "done" });
    expect(await db.office.findUniqueOrThrow({ where: { code: c } })).toMatchObject({
      nameEn: "Municipal Archives",
      supervisingOfficeCode: "civil-affairs",
    });
    expect(
      await db.auditEntry.findMany({ where: { requestId: { in: [requestId, again] } }, orderBy: { id: "asc" } }),
    ).toMatchObject([
      { actorId: admin.id, action: "create", resource: `office:${c}`, allowed: true, outcome: "done" },
      { action: "change", outcome: "unchanged" },
    ]);
  });

  it("refuses a loop of supervision, an unknown supervisor and bad input, changing nothing", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    const top = code();
    const below = code();
    await saveOffice(admin, "create", { code: top, nameEn: "Top", nameZh: "上", supervisor: "" }, randomUUID(), db);
    await saveOffice(
      admin,
      "create",
      { code: below, nameEn: "Below", nameZh: "下", supervisor: top },
      randomUUID(),
      db,
    );
    expect(
      await saveOffice(
        admin,
        "change",
        { code: top, nameEn: "Top", nameZh: "上", supervisor: below },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, errors: { supervisor: "supervisor-loop" } });
    expect(
      await saveOffice(admin, "change", { code: top, nameEn: "Top", nameZh: "上", supervisor: top }, randomUUID(), db),
    ).toEqual({ ok: false, errors: { supervisor: "supervisor-loop" } });
    expect(
      await saveOffice(
        admin,
        "change",
        { code: top, nameEn: "Top", nameZh: "上", supervisor: "no-such-office" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, errors: { supervisor: "supervisor-unknown" } });
    expect(
      await saveOffice(
        admin,
        "create",
        { code: "Bad Code", nameEn: "", nameZh: "\u0000", supervisor: "" },
        randomUUID(),
        db,
      ),
    ).toEqual({
      ok: false,
      errors: { code: "code-invalid", nameEn: "name-invalid", nameZh: "name-invalid" },
    });
    expect((await db.office.findUniqueOrThrow({ where: { code: top } })).supervisingOfficeCode).toBeNull();
  });

  it("deletes only an office nothing uses, and only for an administrator", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    const officer = asActor(await testAccount(db, "OFFICER", "health"));
    const c = code();
    await saveOffice(admin, "create", { code: c, nameEn: "Spare", nameZh: "备用", supervisor: "" }, randomUUID(), db);
    expect(await deleteOffice(admin, "health", randomUUID(), db)).toEqual({ ok: false, error: "in-use" });
    expect(await deleteOffice(admin, "general-office", randomUUID(), db)).toEqual({ ok: false, error: "in-use" });
    const staffed = await testAccount(db, "OFFICER", c);
    expect(await deleteOffice(admin, c, randomUUID(), db)).toEqual({ ok: false, error: "in-use" });
    await db.user.delete({ where: { id: staffed.id } });
    expect(await deleteOffice(officer, c, randomUUID(), db)).toEqual({ ok: false, error: "not-found" });
    expect(
      await saveOffice(
        officer,
        "change",
        { code: c, nameEn: "Mine", nameZh: "我的", supervisor: "" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, errors: { form: "not-found" } });
    expect(await deleteOffice(admin, c, randomUUID(), db)).toEqual({ ok: true });
    expect(await db.office.findUnique({ where: { code: c } })).toBeNull();
  });
});
