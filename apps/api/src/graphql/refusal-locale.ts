import { decodeJwt } from 'jose';

import type { RequestContext } from '../auth/request-context.js';
import { localeOf } from '../common/graphql-error.filter.js';

/**
 * The language to refuse an operation in before the guard has authenticated anyone: the locale
 * in the caller's bearer token, as `localeOf` would use once the caller is known, else
 * Accept-Language. The token is decoded without verifying it: it only picks the language of a
 * refusal, nothing is granted by it, and a forged one can only choose its own sender's language.
 */
export function refusalLocale(context: RequestContext | undefined): 'vi' | 'en' {
  const token = /^Bearer\s+(\S{1,16384})$/i.exec(context?.req?.headers?.authorization ?? '')?.[1];
  if (token) {
    try {
      const { locale } = decodeJwt(token);
      if (locale === 'en' || locale === 'vi') return locale;
    } catch {
      // Not a JWT: the guard says so when the operation runs; the header decides here.
    }
  }
  return localeOf(context);
}
