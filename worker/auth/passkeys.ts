/*
 * WebAuthn (passkeys) through @simplewebauthn/server, loaded the first time a passkey is used rather than
 * when the Worker starts: the library and what it brings for reading attestation certificates
 * (@peculiar/x509, its ASN.1 schemas, tsyringe) were about half of the Worker's startup CPU (bench/worker.ts),
 * and almost no request signs in with or registers a passkey.
 */
export function webauthn(): Promise<typeof import("@simplewebauthn/server")> {
  return import("@simplewebauthn/server");
}
