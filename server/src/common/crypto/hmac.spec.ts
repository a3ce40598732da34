import {
  deriveEventKey,
  generateTicketCode,
  issueCheckinCode,
  signTicket,
  verifyCheckinCodeWithSecret,
  verifyTicket,
  verifyTicketWithSecret,
  webCryptoHmacSha256,
} from '@xinqiao/shared';
import { nodeHmacSha256, nodeRandomBytes } from './hmac';

const SECRET = 'a-server-secret-of-at-least-32-characters';
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('nodeHmacSha256', () => {
  it('computes RFC 4231 test cases 1 and 2, synchronously', () => {
    const one = nodeHmacSha256(new Uint8Array(20).fill(0x0b), Buffer.from('Hi There'));
    expect(one).not.toBeInstanceOf(Promise);
    expect(hex(one as Uint8Array)).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(hex(nodeHmacSha256(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')) as Uint8Array)).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('signs tickets the browser (WebCrypto) verifies with the event key alone, and the other way round', async () => {
    const web = webCryptoHmacSha256();
    const code = generateTicketCode(nodeRandomBytes);
    const serverKey = await deriveEventKey(nodeHmacSha256, SECRET, 7);
    expect(await deriveEventKey(web, SECRET, 7)).toEqual(serverKey);
    const token = await signTicket(nodeHmacSha256, serverKey, 7, code);
    expect(await verifyTicket(web, serverKey, token, 7)).toEqual({ ok: true, eventId: 7, code });
    const fromBrowser = await signTicket(web, serverKey, 7, code);
    expect(fromBrowser).toBe(token);
    expect(await verifyTicketWithSecret(nodeHmacSha256, SECRET, token)).toEqual({ ok: true, eventId: 7, code });
  });

  it('issues and verifies screen codes with the master secret', async () => {
    const now = new Date();
    const key = await deriveEventKey(nodeHmacSha256, SECRET, 7);
    const { code } = await issueCheckinCode(nodeHmacSha256, key, 7, now);
    expect(await verifyCheckinCodeWithSecret(nodeHmacSha256, SECRET, code, now)).toMatchObject({ ok: true, eventId: 7 });
  });
});

describe('nodeRandomBytes', () => {
  it('returns the requested number of fresh bytes', () => {
    expect(nodeRandomBytes(12)).toHaveLength(12);
    expect(hex(nodeRandomBytes(16))).not.toBe(hex(nodeRandomBytes(16)));
  });
});
