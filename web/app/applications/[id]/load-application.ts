import { cache } from "react";
import { getApplication } from "@/server/applications/get-application";
import { requireUser } from "@/server/session";

/** The signed-in citizen's application, read once per request (the layout checks it, the page shows it). */
export const loadOwnApplication = cache(async (id: string) => {
  const user = await requireUser(["CITIZEN"]);
  return getApplication(id, user.id);
});
