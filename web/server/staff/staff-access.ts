import { notFound } from "next/navigation";
import { cache } from "react";
import { authorise } from "../access/authorise";
import type { Resource } from "../access/policy";
import { requireUser, type SessionUser } from "../session";
import { STAFF_ROLES } from "./staff-home";

type QueueName = Extract<Resource, { kind: "queue" }>["name"];

/**
 * For staff pages and their layouts: a signed-in member of staff allowed to list the
 * queue, else the standard 404 (a citizen is sent home by `requireUser`). Checked in the
 * segment's layout, before anything streams, so a refusal really answers 404. Checked once
 * per request: the layout and its page share the answer.
 */
export const requireQueue = cache(async (name: QueueName): Promise<SessionUser> => {
  const user = await requireUser(STAFF_ROLES);
  if (!(await authorise(user, "list", { kind: "queue", name }, `queue:${name}`)).allowed) notFound();
  return user;
});
