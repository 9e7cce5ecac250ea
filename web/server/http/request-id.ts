import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "./request-id-header";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** This request's id; a fresh one outside a request (tests, scripts), so an entry always has one. */
export async function currentRequestId(): Promise<string> {
  try {
    const id = (await headers()).get(REQUEST_ID_HEADER);
    if (id && UUID.test(id)) return id;
  } catch {
    // Not inside a request.
  }
  return randomUUID();
}
