import { describe, expect, it } from "vitest";
import { temporalSettings } from "./env";

describe("temporalSettings", () => {
  it("defaults to a local server without TLS", () => {
    expect(temporalSettings({})).toEqual({ address: "127.0.0.1:7233", namespace: "default", tls: undefined });
  });

  it("takes a client certificate as cert and key together", () => {
    const s = temporalSettings({ TEMPORAL_TLS_CERT_PATH: "/c.pem", TEMPORAL_TLS_KEY_PATH: "/k.pem" });
    expect(s.tls).toEqual({ clientCert: { certPath: "/c.pem", keyPath: "/k.pem" }, apiKey: undefined });
  });

  it("requires TLS cert and key together", () => {
    const message = /TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together/;
    expect(() => temporalSettings({ TEMPORAL_TLS_CERT_PATH: "/c.pem" })).toThrow(message);
    expect(() => temporalSettings({ TEMPORAL_TLS_KEY_PATH: "/k.pem" })).toThrow(message);
    expect(() => temporalSettings({ TEMPORAL_TLS_KEY_PATH: "/k.pem", TEMPORAL_API_KEY: "key" })).toThrow(message);
  });

  it("uses TLS without a client certificate for an API key", () => {
    expect(temporalSettings({ TEMPORAL_API_KEY: "key" }).tls).toEqual({ clientCert: undefined, apiKey: "key" });
  });

  it("treats empty paths as unset", () => {
    expect(temporalSettings({ TEMPORAL_TLS_CERT_PATH: "", TEMPORAL_TLS_KEY_PATH: "" }).tls).toBeUndefined();
  });

  it("names a malformed address", () => {
    expect(() => temporalSettings({ TEMPORAL_ADDRESS: "localhost" })).toThrow(/TEMPORAL_ADDRESS: expected host:port/);
  });
});
