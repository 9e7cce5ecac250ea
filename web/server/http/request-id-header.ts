/**
 * The header the proxy (`web/proxy.ts`) sets on every request it passes on, always replacing
 * what the client sent: a ledger entry's request id names one request of ours, never one a
 * caller chose. The response carries it too, so a person can quote it.
 */
export const REQUEST_ID_HEADER = "x-request-id";
