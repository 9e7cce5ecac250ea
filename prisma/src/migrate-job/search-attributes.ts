import { Connection } from "@temporalio/client";
// A CommonJS package: its default export under plain Node, named exports only through a bundler.
import proto from "@temporalio/proto";
import { SEARCH_ATTRIBUTES } from "@visit-once/workflows/contracts";
import type { TemporalSettings } from "@visit-once/workflows/temporal-settings";

const { IndexedValueType } = proto.temporal.api.enums.v1;

/**
 * Registers the search attributes the workflow sets (contracts' SEARCH_ATTRIBUTES) in the
 * namespace, those missing only; one already there with another type is an error to fix by
 * hand (Temporal cannot change a type). Returns the names it added.
 */
export async function ensureSearchAttributes(settings: TemporalSettings): Promise<string[]> {
  const { namespace, ...options } = settings;
  const connection = await Connection.connect({ ...options, connectTimeout: "10 seconds" });
  try {
    const listed = await connection.operatorService.listSearchAttributes({ namespace });
    const existing = { ...listed.systemAttributes, ...listed.customAttributes } as Record<string, number>;
    const missing: Record<string, number> = {};
    for (const { name, type } of Object.values(SEARCH_ATTRIBUTES)) {
      const wanted = IndexedValueType[
        `INDEXED_VALUE_TYPE_${type.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}` as keyof typeof IndexedValueType
      ] as number;
      if (wanted === undefined) throw new Error(`Search attribute ${name}: unknown type ${type}`);
      const found = existing[name];
      if (found === undefined) missing[name] = wanted;
      else if (found !== wanted)
        throw new Error(
          `Search attribute ${name} exists in namespace ${namespace} as ${IndexedValueType[found]}, not ${type}; remove it or use another namespace`,
        );
    }
    if (Object.keys(missing).length > 0)
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    return Object.keys(missing);
  } finally {
    await connection.close();
  }
}
