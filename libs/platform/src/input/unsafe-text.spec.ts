import { unsafeCharacterIn } from './unsafe-text.js';

describe('unsafeCharacterIn', () => {
  it('accepts Vietnamese text and characters outside the BMP written as surrogate pairs', () => {
    expect(unsafeCharacterIn('Hội Liên hiệp Phụ nữ tỉnh 🇻🇳 𠀀')).toBeNull();
    expect(unsafeCharacterIn('')).toBeNull();
  });

  it('finds a NUL byte anywhere', () => {
    expect(unsafeCharacterIn('\u0000')).toBe('NUL');
    expect(unsafeCharacterIn('dân\u0000vận')).toBe('NUL');
  });

  it('finds a high surrogate without its low half, and a low one without its high half', () => {
    expect(unsafeCharacterIn('a\ud800')).toBe('LONE_SURROGATE');
    expect(unsafeCharacterIn('\ud800b')).toBe('LONE_SURROGATE');
    expect(unsafeCharacterIn('\udc00')).toBe('LONE_SURROGATE');
    expect(unsafeCharacterIn('x\udfffy')).toBe('LONE_SURROGATE');
    expect(unsafeCharacterIn('\ud83d\ude00\ude00')).toBe('LONE_SURROGATE');
  });
});
