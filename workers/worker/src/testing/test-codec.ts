import type { DataConverter } from "@temporalio/common";
import { parseCodecKeys, TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { codecDataConverter } from "../temporal-connection";

/**
 * The tests' data converter: the payload codec with the fixed, public TEST key, so the
 * histories the tests save (workflows/histories) are sealed and the replay test opens them.
 */
export function testDataConverter(): Promise<DataConverter> {
  return codecDataConverter(parseCodecKeys(TEST_CODEC_KEYS));
}
