// WireGuard key material for the lab (Curve25519 via node:crypto), in the base64 form wg(8) and wg-quick use.
import { generateKeyPairSync, randomBytes } from 'node:crypto';

export interface WgKeyPair {
  privateKey: string;
  publicKey: string;
}

function base64FromUrl(value: string | undefined): string {
  if (value === undefined) throw new Error('x25519 JWK export lacks a key field');
  return Buffer.from(value, 'base64url').toString('base64');
}

export function generateKeyPair(): WgKeyPair {
  const { privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { privateKey: base64FromUrl(jwk.d), publicKey: base64FromUrl(jwk.x) };
}

export function generatePresharedKey(): string {
  return randomBytes(32).toString('base64');
}
