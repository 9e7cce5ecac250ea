// A case runs on the service definition it was submitted under, not on the code's current one:
// real Temporal, real PostgreSQL, the real workers and sandboxes.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import {
  caseStartInput,
  caseStartOptions,
  SEARCH_ATTRIBUTE_KEYS,
  SEARCH_ATTRIBUTES,
  SERVICES,
  type ServiceDefinition,
} from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { fieldCipher } from "@visit-once/workers/env";
import { waitForCase } from "./testing/case-driver";
import { useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei] = DEMO_CITIZENS;
const NEWBORN = SERVICES["newborn-registration"];

describe("a case pinned to its service", () => {
  it("keeps the definition it started with when the service is edited since, and carries typed search attributes", async () => {
    // The service as it was at submission (version 1, one office step); the code has moved on
    // since (the current definition, with its three steps, stands for version 2).
    const asSubmitted: ServiceDefinition = {
      ...(structuredClone(NEWBORN) as ServiceDefinition),
      version: 1,
      steps: [{ ...(structuredClone(NEWBORN.steps[0]) as ServiceDefinition["steps"][number]), after: [] }],
    };
    expect(NEWBORN.steps.length).toBeGreaterThan(1);
    const applicationId = randomUUID();
    const citizen = await stack.db.user.findUniqueOrThrow({ where: { email: mei.email } });
    await stack.db.application.create({
      data: {
        id: applicationId,
        serviceCode: NEWBORN.code,
        citizenId: citizen.id,
        consent: NEWBORN.evidence.map((e) => e.recordType),
      },
    });
    const input = {
      ...caseStartInput({
        applicationId,
        serviceCode: "newborn-registration",
        subjectNationalId: fieldCipher().open(citizen.nationalId!),
        consent: NEWBORN.evidence.map((e) => e.recordType),
      }),
      service: asSubmitted,
    };
    const handle = await stack.env.client.workflow.start("applicationWorkflow", caseStartOptions(input));

    const view = await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS", 60_000);
    // The running case has the submitted definition's one step, not the code's three.
    expect(view.tasks.map((t) => t.key)).toEqual([asSubmitted.steps[0]!.key]);
    await expect
      .poll(
        async () =>
          (await stack.db.applicationStep.findMany({ where: { applicationId, kind: "DEPARTMENT" } })).map((s) => s.key),
        { timeout: 10_000 },
      )
      .toEqual([asSubmitted.steps[0]!.key]);

    // Typed search attributes, as the server indexed them.
    await expect
      .poll(async () => (await handle.describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.awaiting), {
        timeout: 10_000,
      })
      .toEqual([asSubmitted.steps[0]!.office]);
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(SEARCH_ATTRIBUTE_KEYS.serviceCode)).toBe(NEWBORN.code);
    expect(attributes.get(SEARCH_ATTRIBUTE_KEYS.status)).toBe("IN_DEPARTMENTS");
    expect(attributes.get(SEARCH_ATTRIBUTE_KEYS.awaiting)).toEqual([asSubmitted.steps[0]!.office]);
    expect(attributes.get(SEARCH_ATTRIBUTE_KEYS.overdue)).toBe(false);
    await handle.terminate("test over");
  }, 120_000);

  it("starts new cases with the code's current definition, its version included", () => {
    const input = caseStartInput({
      applicationId: randomUUID(),
      serviceCode: "retirement",
      subjectNationalId: "x",
      consent: [],
    });
    expect(input.service).toEqual(SERVICES.retirement);
    expect(input.service!.version).toBe(SERVICES.retirement.version);
    expect(SEARCH_ATTRIBUTES.serviceCode.name).toBe("VoServiceCode");
  });
});
