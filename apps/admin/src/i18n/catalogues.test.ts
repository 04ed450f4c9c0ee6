import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

/** Every leaf of a catalogue as `a.b.c` → message. */
function leaves(messages: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'object' && value !== null) {
      for (const [path, leaf] of leaves(value, `${prefix}${key}.`)) found.set(path, leaf);
    } else {
      found.set(`${prefix}${key}`, value);
    }
  }
  return found;
}

const placeholders = (message: unknown) => [...new Set(String(message).match(/%\{\w+\}/g) ?? [])].sort();

describe('the Vietnamese and English catalogues', () => {
  const vietnamese = leaves(vi);
  const english = leaves(en);

  it('have exactly the same keys', () => {
    const missing = {
      missingInVietnamese: [...english.keys()].filter((key) => !vietnamese.has(key)),
      missingInEnglish: [...vietnamese.keys()].filter((key) => !english.has(key)),
    };
    expect(missing).toEqual({ missingInVietnamese: [], missingInEnglish: [] });
  });

  it('use the same placeholders in each message', () => {
    const mismatched = [...english.keys()]
      .filter((key) => vietnamese.has(key))
      .filter((key) => placeholders(english.get(key)).join() !== placeholders(vietnamese.get(key)).join());
    expect(mismatched).toEqual([]);
  });

  it('have a message for every key', () => {
    const empty = (messages: Map<string, unknown>) =>
      [...messages.entries()]
        .filter(([, value]) => typeof value !== 'string' || value === '')
        .map(([key]) => key);
    expect({ vi: empty(vietnamese), en: empty(english) }).toEqual({ vi: [], en: [] });
  });
});
