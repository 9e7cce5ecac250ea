import { defineSearchAttributeKey, SearchAttributeType } from "@temporalio/common";
import { SEARCH_ATTRIBUTES } from "./application";

// The typed keys of the project's search attributes (the SDK's current form; the untyped record
// is deprecated). Same names and types as SEARCH_ATTRIBUTES, which the dev server registers.
export const SEARCH_ATTRIBUTE_KEYS = {
  serviceCode: defineSearchAttributeKey(SEARCH_ATTRIBUTES.serviceCode.name, SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey(SEARCH_ATTRIBUTES.status.name, SearchAttributeType.KEYWORD),
  awaiting: defineSearchAttributeKey(SEARCH_ATTRIBUTES.awaiting.name, SearchAttributeType.KEYWORD_LIST),
  overdue: defineSearchAttributeKey(SEARCH_ATTRIBUTES.overdue.name, SearchAttributeType.BOOL),
} as const;
