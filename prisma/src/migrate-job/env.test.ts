import { describe, expect, it } from "vitest";
import { migrateJobSettings } from "./env";

const owner = "postgresql://owner:pw@db.example:5432/visit_once";
const app = "postgresql://visit_once_app:pw2@db.example:5432/visit_once";

describe("the migrations job's settings", () => {
  it("takes the owner, the application's role and Temporal's settings", () => {
    expect(
      migrateJobSettings({
        VO_MIGRATION_DATABASE_URL: owner,
        DATABASE_URL: app,
        TEMPORAL_ADDRESS: "temporal.internal:7233",
        TEMPORAL_NAMESPACE: "vo",
      }),
    ).toEqual({
      ownerUrl: owner,
      appUrl: app,
      temporal: { address: "temporal.internal:7233", namespace: "vo" },
    });
  });

  it("names every problem at once", () => {
    expect(() => migrateJobSettings({ TEMPORAL_ADDRESS: "nohost" })).toThrow(
      /VO_MIGRATION_DATABASE_URL: required[\s\S]*DATABASE_URL: required[\s\S]*TEMPORAL_ADDRESS: expected host:port/,
    );
  });

  it("refuses one role for both, two databases, and an unsupported sslmode", () => {
    expect(() => migrateJobSettings({ VO_MIGRATION_DATABASE_URL: owner, DATABASE_URL: owner })).toThrow(
      /connects as "owner", the owner/,
    );
    expect(() =>
      migrateJobSettings({
        VO_MIGRATION_DATABASE_URL: owner,
        DATABASE_URL: app.replace("visit_once", "other").replace("/visit_once", "/other"),
      }),
    ).toThrow(/must name the same server and database/);
    expect(() =>
      migrateJobSettings({ VO_MIGRATION_DATABASE_URL: `${owner}?sslmode=prefer`, DATABASE_URL: app }),
    ).toThrow(/VO_MIGRATION_DATABASE_URL: sslmode=prefer is not supported/);
  });
});
