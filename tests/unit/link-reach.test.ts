import { describe, expect, it } from 'vitest';
import { phoneReach } from '../../src/export/link-reach';

describe('phoneReach', () => {
  it.each([
    ['http://127.0.0.1:4173/#v=1', 'thisComputer'],
    ['http://localhost:5173/', 'thisComputer'],
    ['http://app.localhost/', 'thisComputer'],
    ['http://[::1]:8080/', 'thisComputer'],
    ['file:///home/user/dist/index.html#v=1', 'file'],
    ['http://192.168.1.20:4173/#v=1', 'ok'],
    ['https://map.huaibei.example/#v=1&sel=area:hitech', 'ok'],
    ['not a url', 'ok'],
  ])('says whether a phone can open %s: %s', (url, expected) => {
    expect(phoneReach(url)).toBe(expected);
  });
});
