export {
  createFieldCipher,
  type DataKey,
  type FieldCipher,
  generateBlindIndexKey,
  generateDataKey,
  isSealed,
  parseBlindIndexKey,
  parseDataKeys,
  TEST_BLIND_INDEX_KEY,
  TEST_DATA_KEYS,
  testFieldCipher,
} from "./field-cipher";
export {
  maskBankAccount,
  maskIdentityNumber,
  maskSensitive,
  maskValue,
  needsReseal,
  openSensitive,
  resealSensitive,
  sealSensitive,
  type Sensitivity,
  sensitivityOf,
} from "./sensitive-values";
export { findUserIdByNationalId, identityNumberColumns } from "./identity-number";
export { type SealReport, sealStoredValues } from "./seal-stored-values";
