import type { z } from "zod";

/** One plain sentence from a zod error, naming the field at fault. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      if (issue.path.length === 0 && issue.code === "invalid_type") return "The request body must be a JSON object.";
      const where = issue.path.length > 0 ? issue.path.join(".") : "body";
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
