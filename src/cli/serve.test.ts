import { describe, expect, it } from 'vitest';
import { bannerAddresses } from './serve.js';

const LAN = ['http://192.168.1.20:8080'];

describe('start banner', () => {
  it('shows the office network addresses when GM2i listens on every interface', () => {
    expect(bannerAddresses('0.0.0.0', 8080, LAN)).toEqual({ local: 'http://localhost:8080', lan: LAN, cePosteSeul: false });
  });
  it('shows only localhost when GM2i listens on this PC alone (no LAN address it would not answer on)', () => {
    expect(bannerAddresses('127.0.0.1', 8080, LAN)).toEqual({ local: 'http://localhost:8080', lan: [], cePosteSeul: true });
  });
  it('shows the one address GM2i is bound to', () => {
    expect(bannerAddresses('192.168.1.20', 8080, LAN)).toEqual({ local: 'http://192.168.1.20:8080', lan: [], cePosteSeul: false });
  });
});
