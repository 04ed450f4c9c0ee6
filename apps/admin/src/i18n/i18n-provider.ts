import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';
import { vi } from './vi';

/** Vietnamese first, English second; the app bar offers both. */
export const locales = [
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'en', name: 'English' },
];

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : vi), 'vi', locales);
