import { portMasks } from '../../../agentd/firewall/portMasks.js';

describe('portMasks', () => {
  test('GIVEN one port THEN one exact match', () => {
    expect(portMasks(22, 22)).toEqual(['22']);
  });
  test('GIVEN an aligned range THEN one masked match', () => {
    expect(portMasks(1024, 2047)).toEqual(['0x0400/0xfc00']);
  });
  test('GIVEN an unaligned range THEN the fewest prefixes covering exactly it', () => {
    expect(portMasks(1000, 1010)).toEqual(['0x03e8/0xfff8', '0x03f0/0xfffe', '1010']);
  });
  test('GIVEN every port THEN one match of the whole space', () => {
    expect(portMasks(1, 65535)).toEqual([
      '1',
      '0x0002/0xfffe',
      '0x0004/0xfffc',
      '0x0008/0xfff8',
      '0x0010/0xfff0',
      '0x0020/0xffe0',
      '0x0040/0xffc0',
      '0x0080/0xff80',
      '0x0100/0xff00',
      '0x0200/0xfe00',
      '0x0400/0xfc00',
      '0x0800/0xf800',
      '0x1000/0xf000',
      '0x2000/0xe000',
      '0x4000/0xc000',
      '0x8000/0x8000',
    ]);
  });
});
