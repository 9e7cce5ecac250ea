import { describe, expect, it } from "vitest";
import { staffHome } from "./staff-home";

describe("staffHome", () => {
  it("sends each staff role to its own workspace and a citizen back to the start", () => {
    expect(staffHome("CASEWORKER")).toBe("/staff/exceptions");
    expect(staffHome("OFFICER")).toBe("/staff/tasks");
    expect(staffHome("ADMIN")).toBe("/staff/board");
    expect(staffHome("CITIZEN")).toBe("/");
  });
});
