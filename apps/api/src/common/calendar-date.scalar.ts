import { CustomScalar, Scalar } from '@nestjs/graphql';
import { Kind, type ValueNode } from 'graphql';

import { isCalendarDay } from '@dondoc/platform';

/** A calendar day, `YYYY-MM-DD` (due dates, report days): not an instant, no time zone. */
@Scalar('Date', () => CalendarDate)
export class CalendarDateScalar implements CustomScalar<string, string> {
  description = 'A calendar day as YYYY-MM-DD (days are judged in Asia/Ho_Chi_Minh).';

  parseValue(value: unknown): string {
    return check(value);
  }

  serialize(value: unknown): string {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw new TypeError('A Date is a string like "2026-06-30"');
    return check(ast.value);
  }
}

/** The TypeScript side of the Date scalar: `@Field(() => CalendarDate)`. */
export class CalendarDate {}

function check(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDay(value)) {
    // The value is echoed cut short: a megabyte sent as a date is not sent back.
    throw new TypeError(
      `"${String(value).slice(0, 40)}" is not a calendar day: use YYYY-MM-DD, e.g. "2026-06-30"`,
    );
  }
  return value;
}
