import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { temporalSettings } from "./temporal-settings";

const dir = mkdtempSync(path.join(os.tmpdir(), "vo-temporal-settings-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const ca = file("ca.pem", "-----BEGIN CERTIFICATE-----\nprivate CA\n-----END CERTIFICATE-----\n");
const crt = file("client.pem", "client certificate");
const key = file("client.key", "client key");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = (bytes: unknown) => Buffer.from(bytes as Uint8Array).toString("utf8");

describe("temporalSettings (envconfig)", () => {
  it("defaults to a local server in clear, namespace default", () => {
    expect(temporalSettings({})).toEqual({ address: "127.0.0.1:7233", namespace: "default" });
    expect(temporalSettings({ TEMPORAL_ADDRESS: " ", TEMPORAL_TLS_CERT_PATH: "" })).toEqual({
      address: "127.0.0.1:7233",
      namespace: "default",
    });
  });

  it("trusts a private CA: TEMPORAL_TLS_SERVER_CA_CERT_PATH is read, with the server name", () => {
    const s = temporalSettings({
      TEMPORAL_ADDRESS: "temporal.internal:7233",
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: ca,
      TEMPORAL_TLS_SERVER_NAME: "temporal.internal",
    });
    const tls = s.tls as { serverRootCACertificate: unknown; serverNameOverride: string };
    expect(text(tls.serverRootCACertificate)).toContain("private CA");
    expect(tls.serverNameOverride).toBe("temporal.internal");
  });

  it("mTLS with envconfig's names or our earlier ones", () => {
    for (const env of [
      { TEMPORAL_TLS_CLIENT_CERT_PATH: crt, TEMPORAL_TLS_CLIENT_KEY_PATH: key },
      { TEMPORAL_TLS_CERT_PATH: crt, TEMPORAL_TLS_KEY_PATH: key },
    ]) {
      const pair = (temporalSettings(env).tls as { clientCertPair: { crt: unknown; key: unknown } }).clientCertPair;
      expect([text(pair.crt), text(pair.key)]).toEqual(["client certificate", "client key"]);
    }
    expect(() =>
      temporalSettings({ TEMPORAL_TLS_CERT_PATH: crt, TEMPORAL_TLS_CLIENT_CERT_PATH: key, TEMPORAL_TLS_KEY_PATH: key }),
    ).toThrow(/differ: set one of them/);
  });

  it("an API key turns TLS on with the system's CAs; TEMPORAL_TLS=true alone too", () => {
    expect(temporalSettings({ TEMPORAL_API_KEY: "secret" })).toMatchObject({ tls: true, apiKey: "secret" });
    expect(temporalSettings({ TEMPORAL_TLS: "true" }).tls).toBeTruthy();
    expect(temporalSettings({ TEMPORAL_TLS: "false", TEMPORAL_API_KEY: "secret" }).tls).toBe(false);
  });

  it("reads a profile from TEMPORAL_CONFIG_FILE, which the variables override", () => {
    const toml = file(
      "temporal.toml",
      `[profile.prod]\naddress = "prod.example:7233"\nnamespace = "vo-prod"\n[profile.prod.tls]\nserver_ca_cert_path = "${ca}"\n`,
    );
    const s = temporalSettings({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: "prod" });
    expect(s).toMatchObject({ address: "prod.example:7233", namespace: "vo-prod" });
    expect(text((s.tls as { serverRootCACertificate: unknown }).serverRootCACertificate)).toContain("private CA");
    expect(
      temporalSettings({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: "prod", TEMPORAL_NAMESPACE: "other" }).namespace,
    ).toBe("other");
  });

  it("never reads a file it was not told of", () => {
    expect(temporalSettings({ HOME: dir, XDG_CONFIG_HOME: dir })).toEqual({
      address: "127.0.0.1:7233",
      namespace: "default",
    });
  });

  it("names each problem", () => {
    expect(() => temporalSettings({ TEMPORAL_TLS_CERT_PATH: crt })).toThrow(
      /client certificate and its key must be set together/,
    );
    expect(() => temporalSettings({ TEMPORAL_TLS_CLIENT_KEY_PATH: key, TEMPORAL_API_KEY: "k" })).toThrow(
      /must be set together/,
    );
    expect(() => temporalSettings({ TEMPORAL_ADDRESS: "localhost" })).toThrow(/TEMPORAL_ADDRESS: expected host:port/);
    expect(() => temporalSettings({ TEMPORAL_TLS: "yes" })).toThrow(/TEMPORAL_TLS: expected true or false/);
    expect(() => temporalSettings({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: path.join(dir, "missing.pem") })).toThrow(
      /cannot read .*missing\.pem/,
    );
  });
});
