// mac1/mac2 stamping and checking, and the cookie reply round trip with its freshness rules.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { CookieChecker, CookieGenerator } from './cookie.js';
import { generatePrivateKey, hash, mac, publicKeyOf } from './crypto.js';
import { systemRandom } from './random.js';

const ADDRESS = Uint8Array.of(192, 0, 2, 7);
const PORT = 51820;

function handshakeLike(size: number, fill: number): Uint8Array {
  const message = new Uint8Array(size).fill(fill, 4, size - 32);
  message[0] = size === 148 ? 1 : 2;
  return message;
}

function setup(): { clock: FakeClock; checker: CookieChecker; generator: CookieGenerator; responderPublic: Uint8Array } {
  const clock = new FakeClock();
  const responderPublic = publicKeyOf(generatePrivateKey());
  return {
    clock, responderPublic,
    checker: new CookieChecker(responderPublic, clock, systemRandom),
    generator: new CookieGenerator(responderPublic, clock),
  };
}

describe.each([[148], [92]])('mac1 on a %d-byte message', (size) => {
  it('is MAC(HASH("mac1----" ‖ receiver public key), bytes before mac1) and is checked', () => {
    const { checker, generator, responderPublic } = setup();
    const message = handshakeLike(size, 0x5c);
    generator.addMacs(message);
    const key = hash(Uint8Array.from('mac1----', (c) => c.charCodeAt(0)), responderPublic);
    expect(message.subarray(size - 32, size - 16)).toEqual(mac(key, message.subarray(0, size - 32)));
    expect(message.subarray(size - 16).every((b) => b === 0)).toBe(true);
    expect(checker.checkMac1(message)).toBe(true);
    expect(checker.checkMac2(message, ADDRESS, PORT)).toBe(false);
  });

  it('rejects a mac1 made for another key or over altered bytes', () => {
    const { checker, responderPublic: checkerKey } = setup();
    const message = handshakeLike(size, 0x5c);
    new CookieGenerator(publicKeyOf(generatePrivateKey()), new FakeClock()).addMacs(message);
    expect(checker.checkMac1(message)).toBe(false);
    expect(checker.checkMac1(new Uint8Array(10))).toBe(false);
    const good = handshakeLike(size, 0x5c);
    new CookieGenerator(checkerKey, new FakeClock()).addMacs(good);
    expect(checker.checkMac1(good)).toBe(true);
    good[5] = (good[5] ?? 0) ^ 1;
    expect(checker.checkMac1(good)).toBe(false);
  });
});

describe('cookie reply', () => {
  it('round trip: reply → cookie → mac2 valid for that source only', () => {
    const { checker, generator } = setup();
    const first = handshakeLike(148, 1);
    generator.addMacs(first);
    const reply = checker.createReply(first, 0xdeadbeef, ADDRESS, PORT);
    expect(reply.length).toBe(64);
    expect([...reply.subarray(0, 8)]).toEqual([3, 0, 0, 0, 0xef, 0xbe, 0xad, 0xde]);
    expect(generator.consumeReply(reply)).toBe(true);
    expect(generator.consumeReply(reply)).toBe(false); // one cookie per mac1 sent

    const second = handshakeLike(148, 2);
    generator.addMacs(second);
    expect(second.subarray(132).some((b) => b !== 0)).toBe(true);
    expect(checker.checkMac1(second)).toBe(true);
    expect(checker.checkMac2(second, ADDRESS, PORT)).toBe(true);
    expect(checker.checkMac2(second, ADDRESS, PORT + 1)).toBe(false);
    expect(checker.checkMac2(second, Uint8Array.of(192, 0, 2, 8), PORT)).toBe(false);
    second[20] = (second[20] ?? 0) ^ 1;
    expect(checker.checkMac2(second, ADDRESS, PORT)).toBe(false);
  });

  it('is refused when it answers a mac1 other than the last one sent, or nothing was sent', () => {
    const { checker, generator } = setup();
    const first = handshakeLike(148, 1);
    generator.addMacs(first);
    const replyToFirst = checker.createReply(first, 1, ADDRESS, PORT);
    expect(new CookieGenerator(publicKeyOf(generatePrivateKey()), new FakeClock()).consumeReply(replyToFirst)).toBe(false);
    generator.addMacs(handshakeLike(148, 2));
    expect(generator.consumeReply(replyToFirst)).toBe(false);
    const tampered = checker.createReply(first, 1, ADDRESS, PORT);
    tampered[40] = (tampered[40] ?? 0) ^ 1;
    expect(generator.consumeReply(tampered)).toBe(false);
    expect(generator.consumeReply(new Uint8Array(63))).toBe(false);
  });

  it('a cookie older than 120 s is not used, and a rotated secret invalidates old cookies', () => {
    const { clock, checker, generator } = setup();
    const first = handshakeLike(148, 1);
    generator.addMacs(first);
    expect(generator.consumeReply(checker.createReply(first, 1, ADDRESS, PORT))).toBe(true);
    clock.advance(119_000);
    const fresh = handshakeLike(148, 2);
    generator.addMacs(fresh);
    expect(checker.checkMac2(fresh, ADDRESS, PORT)).toBe(true);
    clock.advance(2_000);
    const stale = handshakeLike(148, 3);
    generator.addMacs(stale);
    expect(stale.subarray(132).every((b) => b === 0)).toBe(true);
    expect(checker.checkMac2(fresh, ADDRESS, PORT)).toBe(false); // our secret is stale too
  });

  it('after the responder rotates its secret, a cookie it issued earlier no longer validates', () => {
    const checkerClock = new FakeClock();
    const responderPublic = publicKeyOf(generatePrivateKey());
    const checker = new CookieChecker(responderPublic, checkerClock, systemRandom);
    const generator = new CookieGenerator(responderPublic, new FakeClock());
    const first = handshakeLike(148, 1);
    generator.addMacs(first);
    expect(generator.consumeReply(checker.createReply(first, 1, ADDRESS, PORT))).toBe(true);
    checkerClock.advance(121_000);
    checker.createReply(first, 1, ADDRESS, PORT); // rotates the secret
    const later = handshakeLike(148, 2);
    generator.addMacs(later);
    expect(later.subarray(132).some((b) => b !== 0)).toBe(true);
    expect(checker.checkMac2(later, ADDRESS, PORT)).toBe(false);
  });
});
