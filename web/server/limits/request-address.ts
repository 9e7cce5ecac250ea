import { env } from "@/env";
import { clientAddress } from "./client-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/** The client address of a request (Fetch `Headers` or next-auth's plain header object). */
export function requestAddress(headers: HeaderSource): string {
  let forwarded: string | string[] | null | undefined;
  if (headers instanceof Headers) forwarded = headers.get("x-forwarded-for");
  else forwarded = headers?.["x-forwarded-for"];
  return clientAddress(Array.isArray(forwarded) ? forwarded.join(",") : forwarded, env().VO_TRUSTED_PROXIES);
}
