import { describe, expect, it } from "vitest";
import {
  createFieldCipher,
  generateBlindIndexKey,
  generateDataKey,
  isSealed,
  parseBlindIndexKey,
  parseDataKeys,
  testFieldCipher,
} from "./field-cipher";
import {
  maskBankAccount,
  maskIdentityNumber,
  maskSensitive,
  needsReseal,
  openSensitive,
  resealSensitive,
  sealSensitive,
} from "./sensitive-values";

const ID = "330102199203150021";
const index = parseBlindIndexKey(generateBlindIndexKey());
const cipherOf = (...keys: string[]) => createFieldCipher(parseDataKeys(keys.join(",")), index);

describe("the field cipher", () => {
  it("round-trips, with a fresh IV each time and nothing of the value in clear", () => {
    const cipher = testFieldCipher();
    const a = cipher.seal(ID);
    const b = cipher.seal(ID);
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain(ID.slice(6, 14));
    expect(cipher.open(a)).toBe(ID);
    expect(cipher.open(b)).toBe(ID);
  });

  it("passes a value written before encryption through as it is", () => {
    expect(testFieldCipher().open(ID)).toBe(ID);
  });

  it("rotates by adding a key: the newest seals, every listed key opens", () => {
    const old = generateDataKey("old");
    const sealedOld = cipherOf(old).seal(ID);
    const rotated = cipherOf(old, generateDataKey("new"));
    const sealedNew = rotated.seal(ID);
    expect(rotated.keyIdOf(sealedOld)).toBe("old");
    expect(rotated.keyIdOf(sealedNew)).toBe("new");
    expect(rotated.open(sealedOld)).toBe(ID);
    expect(rotated.open(sealedNew)).toBe(ID);
  });

  it("refuses a value sealed with a key it does not have, or under the same id with another key", () => {
    const sealed = cipherOf(generateDataKey("k1")).seal(ID);
    expect(() => cipherOf(generateDataKey("k2")).open(sealed)).toThrow(
      /sealed with key "k1", which is not among the configured keys/,
    );
    expect(() => cipherOf(generateDataKey("k1")).open(sealed)).toThrow(/does not open/);
  });

  it("refuses a tampered value, a relabelled key id and a truncated one", () => {
    const key = generateDataKey("k1");
    const cipher = cipherOf(key, generateDataKey("k2"));
    const sealed = cipherOf(key).seal(ID);
    const body = sealed.slice(sealed.lastIndexOf(":") + 1);
    const bytes = Buffer.from(body, "base64url");
    bytes[14] = bytes[14]! ^ 1;
    expect(() => cipher.open(`enc1:k1:${bytes.toString("base64url")}`)).toThrow(/does not open/);
    expect(() => cipher.open(`enc1:k2:${body}`)).toThrow(/does not open/);
    expect(() => cipher.open(`enc1:k1:${body.slice(0, 10)}`)).toThrow(/truncated/);
  });

  it("indexes equal values equally, under its own key only", () => {
    const cipher = testFieldCipher();
    expect(cipher.blindIndex(ID)).toBe(cipher.blindIndex(ID));
    expect(cipher.blindIndex(ID)).not.toBe(cipher.blindIndex("330106199001010018"));
    expect(cipher.blindIndex(ID)).not.toBe(cipherOf(generateDataKey("k1")).blindIndex(ID));
    expect(cipher.blindIndex(ID)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names what is wrong with a key list", () => {
    expect(() => parseDataKeys("")).toThrow(/no keys/);
    expect(() => parseDataKeys("k 1:abc")).toThrow(/is not a key id/);
    expect(() => parseDataKeys("k1:c2hvcnQ=")).toThrow(/key "k1" must be 32 bytes/);
    const k = generateDataKey("k1");
    expect(() => parseDataKeys(`${k},${k}`)).toThrow(/appears twice/);
    expect(() => parseBlindIndexKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });
});

describe("sensitive values in JSON", () => {
  const household = {
    householdNo: "H1",
    headNationalId: ID,
    members: [{ nationalId: "330106199001010018", fullName: "李磊", relationToHead: "head" }],
    ownerNationalIds: [ID],
  };

  it("seals every identity number field (nested, in arrays) and a bank account, and opens them again", () => {
    const cipher = testFieldCipher();
    const typed = { bankAccount: "6222 0212 3456 7890", babyName: "小明" };
    const sealed = sealSensitive({ household, typed }, cipher);
    const text = JSON.stringify(sealed);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toContain("7890");
    expect(text).toContain("小明");
    expect(sealed.household.householdNo).toBe("H1");
    expect(openSensitive(sealed, cipher)).toEqual({ household, typed });
    expect(sealSensitive(sealed, cipher)).toEqual(sealed);
  });

  it("seals identity numbers inside other text (a conflict's joined values)", () => {
    const conflict = {
      field: "parent",
      values: [{ value: `${ID}, 330106199001010018`, recordType: "birth-certificate" }],
    };
    const sealed = sealSensitive(conflict, testFieldCipher());
    expect(JSON.stringify(sealed)).not.toMatch(/\d{17}[\dX]/);
    expect(maskSensitive(openSensitive(sealed, testFieldCipher())).values[0]!.value).toBe(
      "3301**********0021, 3301**********0018",
    );
  });

  it("says which stored values need sealing again: in clear, or under an older key", () => {
    const old = generateDataKey("old");
    const before = cipherOf(old);
    const after = cipherOf(old, generateDataKey("new"));
    expect(needsReseal(household, after)).toBe(true);
    expect(needsReseal({ fullName: "王美" }, after)).toBe(false);
    const sealedOld = sealSensitive(household, before);
    expect(needsReseal(sealedOld, before)).toBe(false);
    expect(needsReseal(sealedOld, after)).toBe(true);
    const resealed = resealSensitive(sealedOld, after);
    expect(needsReseal(resealed, after)).toBe(false);
    expect(openSensitive(resealed, after)).toEqual(household);
  });

  it("masks identity numbers to the first and last four, bank accounts to the last four", () => {
    expect(maskIdentityNumber(ID)).toBe("3301**********0021");
    expect(maskBankAccount("6222 0212 3456 7890")).toBe("************7890");
    expect(maskSensitive(household)).toEqual({
      householdNo: "H1",
      headNationalId: "3301**********0021",
      members: [{ nationalId: "3301**********0018", fullName: "李磊", relationToHead: "head" }],
      ownerNationalIds: ["3301**********0021"],
    });
  });
});
