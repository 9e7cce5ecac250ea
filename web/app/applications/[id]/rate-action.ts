"use server";

import { rateApplication, type RateState } from "@/server/applications/rate-application";
import { currentRequestId } from "@/server/http/request-id";
import { currentUser } from "@/server/session";

/** The rating form's server action: authorised and audited in rateApplication. */
export async function rateServiceAction(_previous: RateState, form: FormData): Promise<RateState> {
  const user = await currentUser();
  const comment = form.get("comment");
  const office = form.get("office");
  const result = await rateApplication(
    user,
    {
      applicationId: String(form.get("applicationId") ?? ""),
      rating: form.get("rating"),
      comment: typeof comment === "string" && comment.trim() !== "" ? comment : undefined,
      office: typeof office === "string" && office !== "" ? office : undefined,
    },
    await currentRequestId(),
  );
  return { result };
}
