import { describe, expect, it } from 'vitest';
import { type AddressClass, classifyAddress, parseIPv4, parseIPv6 } from '../../src/net/address-class.js';

// Each class, in the forms an attacker would try: dotted, short, one number, hex, octal, IPv6 and its
// IPv4-carrying forms (mapped, in dotted and in hex, compatible, NAT64, 6to4).
const ADDRESS_CASES: Record<AddressClass, string[]> = {
  loopback: [
    '127.0.0.1',
    '127.255.255.254',
    '127.1',
    '127.0.1',
    '2130706433',
    '0x7f000001',
    '0x7f.1',
    '0x7F.0.0.1',
    '0177.0.0.1',
    '017700000001',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
    '[::ffff:127.0.0.1]',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:7f00:0001',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
  ],
  private: [
    '10.0.0.1',
    '10.255.255.255',
    '10.1',
    '167772161',
    '0xa.0.0.1',
    '012.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '192.168.1.254',
    '3232235777',
    '::ffff:10.0.0.1',
    '::ffff:c0a8:101',
    '::ffff:172.16.5.4',
    'fec0::1',
  ],
  'link-local': [
    '169.254.169.254',
    '169.254.0.1',
    '2852039166',
    '0xa9.0xfe.0xa9.0xfe',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    'fe80::1',
    'fe80::1%eth0',
    'febf:ffff::1',
  ],
  unspecified: ['0.0.0.0', '0', '0.0.0.1', '0x0', '::', '[::]', '0:0:0:0:0:0:0:0', '::ffff:0.0.0.0'],
  shared: ['100.64.0.1', '100.127.255.255', '::ffff:100.64.0.1'],
  'unique-local': ['fc00::1', 'fd12:3456:789a::1', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  multicast: ['224.0.0.1', '239.255.255.250', 'ff02::1', 'ff05::2'],
  reserved: [
    '255.255.255.255',
    '240.0.0.1',
    '192.0.2.1',
    '198.51.100.7',
    '203.0.113.9',
    '198.18.0.1',
    '2001:db8::1',
    '192.0.0.8',
  ],
  public: [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.15.255.255',
    '172.32.0.1',
    '192.167.255.255',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.255.255',
    '11.0.0.1',
    '::ffff:8.8.8.8',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    'fbff::1',
    'fe7f::1',
    '2002:0808:0808::1',
  ],
};

describe('classifyAddress', () => {
  for (const [addressClass, addresses] of Object.entries(ADDRESS_CASES)) {
    it(`classes ${addresses.length} ${addressClass} forms as ${addressClass}`, () => {
      expect(addresses.map((address) => [address, classifyAddress(address)])).toEqual(
        addresses.map((address) => [address, addressClass]),
      );
    });
  }

  it('says a name is not an address, however much it looks like one', () => {
    const names = [
      'localhost',
      'omni.example.com',
      '127.0.0.1.nip.io',
      '0x7f.evil',
      '1.2.3.4.5',
      '256.0.0.1',
      '127.0.0.1.',
      '1e3',
      '',
      '::1::',
      '1:2:3:4:5:6:7:8:9',
      'gggg::1',
      '::ffff:999.0.0.1',
      '4294967296',
    ];
    expect(names.map((name) => [name, classifyAddress(name)])).toEqual(names.map((name) => [name, undefined]));
  });
});

describe('the address parsers', () => {
  it('read IPv4 the way inet_aton does', () => {
    expect(parseIPv4('127.1')).toEqual([127, 0, 0, 1]);
    expect(parseIPv4('1.2.3')).toEqual([1, 2, 0, 3]);
    expect(parseIPv4('0x7f.1')).toEqual([127, 0, 0, 1]);
    expect(parseIPv4('4294967295')).toEqual([255, 255, 255, 255]);
    expect(parseIPv4('1.256')).toEqual([1, 0, 1, 0]);
    expect(parseIPv4('1.2.3.256')).toBeNull();
    expect(parseIPv4('08.0.0.1')).toBeNull(); // 08 is neither octal nor decimal
  });

  it('read IPv6 with compression and an IPv4 tail', () => {
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
    expect(parseIPv6('[2001:db8::1]')).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('1::2::3')).toBeNull();
    expect(parseIPv6('1.2.3.4')).toBeNull();
  });

  it("agrees with the URL parser's normal forms, which is what the app classifies", () => {
    const cases: [string, AddressClass][] = [
      ['http://2130706433/', 'loopback'],
      ['http://0x7f.1/', 'loopback'],
      ['http://127.1/', 'loopback'],
      ['http://0177.0.0.1/', 'loopback'],
      ['http://[::ffff:127.0.0.1]/', 'loopback'],
      ['http://[0:0:0:0:0:ffff:7f00:1]/', 'loopback'],
      ['http://0/', 'unspecified'],
      ['http://[::]/', 'unspecified'],
      ['http://169.254.169.254./', 'link-local'],
    ];
    expect(cases.map(([url]) => [url, classifyAddress(new URL(url).hostname.replace(/\.$/, ''))])).toEqual(cases);
  });
});
