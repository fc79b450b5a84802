// Requests that are not even HTTP (issue 12, point 2): a broken header line, headers too large, a bad Content-Length,
// garbage. Node's parser refuses them before Fastify sees a request; the answer must still be French `{code, message}`.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../src/cli/compose.js';
import { testApp, type TestApp } from '../../src/platform/http/testing.js';
import { ENGLISH } from './fuzz-openapi.js';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await testApp(MODULES);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await t?.close();
});

/** Send raw bytes, read the raw answer (status line, body). */
function raw(bytes: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let data = '';
    const s = net.connect(port, '127.0.0.1', () => s.write(bytes));
    s.on('data', (b: Buffer) => (data += b.toString()));
    s.on('error', reject);
    s.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), body });
    });
    s.setTimeout(5000, () => s.destroy());
  });
}

const UNREADABLE: [string, string, number][] = [
  ['a header line without a colon', 'GET /api/v1/sante HTTP/1.1\r\nHost: x\r\nEn-tete cassé\r\n\r\n', 400],
  ['no HTTP at all', 'BONJOUR\r\n\r\n', 400],
  ['headers over the limit', `GET /api/v1/sante HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ['a Content-Length that is not a number', 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
  [
    'Content-Length and chunked together',
    'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    400,
  ],
];

describe('unreadable HTTP requests', () => {
  it.each(UNREADABLE)('%s gets a French {code, message}', async (_what, bytes, status) => {
    const r = await raw(bytes);
    expect(r.status).toBe(status);
    const b = JSON.parse(r.body) as { code: string; message: string; details: { problems: { code: string; message: string }[] } };
    expect(Object.keys(b).sort()).toEqual(['code', 'details', 'message']);
    expect(b.code).toBe('VALIDATION');
    expect(b.details.problems.map((p) => p.code)).toEqual([status === 431 ? 'TROP_GRAND' : 'FORMAT']);
    expect(b.message).not.toMatch(ENGLISH);
  });
});
