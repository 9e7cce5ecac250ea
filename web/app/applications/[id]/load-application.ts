import { cache } from "react";
import { applicationVersion, versionTag } from "@/server/applications/application-version";
import { getApplication } from "@/server/applications/get-application";
import { requireUser } from "@/server/session";

/**
 * The signed-in citizen's application, read once per request (the layout checks it, the page shows
 * it), with its entity tag for the page's poll. The version is taken before the read, as the API
 * route takes it: a write landing during the read only makes the first poll read again.
 */
export const loadOwnApplication = cache(async (id: string) => {
  const user = await requireUser(["CITIZEN"]);
  const version = await applicationVersion(id, user.id);
  const app = await getApplication(id, user.id);
  return app && { app, etag: version ? versionTag(version) : null };
});
