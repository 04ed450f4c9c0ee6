// The console's own catalogues, so the tests find elements by the names users read and a
// relabel in apps/admin/src/i18n does not break them.

export type Locale = 'vi' | 'en';

/**
 * Loaded by a computed path: the console is a project of its own (Vite's module resolution,
 * the DOM library), which the server's type check must not follow into; jest compiles the
 * files like any other.
 */
const load = (path: string) => import(path) as Promise<Record<string, object>>;
const [{ vi }, { en }] = await Promise.all([
  load('../../apps/admin/src/i18n/vi.js'),
  load('../../apps/admin/src/i18n/en.js'),
]);
const catalogues: Record<Locale, object> = { vi: vi!, en: en! };

/** The raw message of a key (`app.dashboard.welcome`), placeholders left in; throws when missing. */
export function message(locale: Locale, key: string): string {
  const found = allMessages(locale).get(key);
  if (found === undefined) throw new Error(`No ${locale} message for ${key}`);
  return found;
}

/**
 * The text the console shows for a key, as ra-i18n-polyglot renders it: `%{name}`
 * placeholders filled in, and of a "one |||| many" pair the form `smart_count` picks.
 */
export function t(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let text = message(locale, key);
  if (text.includes('||||')) {
    const [one, many] = text.split('||||').map((form) => form.trim());
    text = (values.smart_count === 1 ? one : many) ?? text;
  }
  return text.replace(/%\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A pattern for a message whose placeholders may hold anything (`Xin chào, %{name}` → /^Xin chào, .+$/). */
export function pattern(locale: Locale, key: string): RegExp {
  const text = message(locale, key).split('||||')[0]!.trim();
  const parts = text.split(/%\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}

const flattened = new Map<Locale, Map<string, string>>();

/**
 * Every leaf message of a catalogue by its full key, as polyglot flattens them (a field key
 * may itself hold a dot: `resources.Task.fields.document.number`).
 */
export function allMessages(locale: Locale): Map<string, string> {
  const cached = flattened.get(locale);
  if (cached) return cached;
  const found = new Map<string, string>();
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') found.set(`${prefix}${key}`, value);
      else if (typeof value === 'object' && value !== null) walk(value, `${prefix}${key}.`);
    }
  };
  walk(catalogues[locale], '');
  flattened.set(locale, found);
  return found;
}

/** Text to match literally inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
