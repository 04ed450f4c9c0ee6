import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

/** Every source file of the console but the tests. */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function has(messages: object, key: string): boolean {
  // Catalogue keys may themselves hold dots (`fields['task.number']`): try every split.
  const parts = key.split('.');
  const walk = (node: unknown, index: number): boolean => {
    if (index === parts.length) return typeof node === 'string';
    if (typeof node !== 'object' || node === null) return false;
    for (let end = index + 1; end <= parts.length; end += 1) {
      const child = (node as Record<string, unknown>)[parts.slice(index, end).join('.')];
      if (child !== undefined && walk(child, end)) return true;
    }
    return false;
  };
  return walk(messages, 0);
}

describe('the keys the console uses', () => {
  const root = join(import.meta.dirname, '..');
  const used = new Set(
    sources(root).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(/['"](app|domain|resources|ra)\.([A-Za-z_.]+[A-Za-z_])['"]/g),
      ].map((match) => `${match[1]}.${match[2]}`),
    ),
  );

  it('are found in the source (the scan works)', () => {
    expect(used.has('app.import.title')).toBe(true);
  });

  it('all exist in Vietnamese and in English', () => {
    const missing = [...used].filter((key) => !has(vi, key) || !has(en, key)).sort();
    expect(missing).toEqual([]);
  });
});
