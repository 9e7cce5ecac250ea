"use server";

import type { RevealTarget } from "@/server/at-rest/reveal-value";
import { revealValue } from "@/server/at-rest/reveal-value";
import { currentUser } from "@/server/session";

export type RevealResult = { ok: true; value: string } | { ok: false };

/** One masked identity number or bank account in clear, for a viewer allowed it; on the access ledger. */
export async function revealAction(target: RevealTarget): Promise<RevealResult> {
  const value = await revealValue(await currentUser(), target);
  return value === null ? { ok: false } : { ok: true, value };
}
