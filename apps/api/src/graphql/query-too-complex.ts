import {
  DomainErrorCode,
  DomainException,
  type GraphqlLimits,
  type LocalizedMessage,
} from '@dondoc/platform';

import type { OperationMeasure } from './measure-operation.js';

export type QueryLimitName = keyof OperationMeasure;

const MAXIMUM: Record<QueryLimitName, keyof GraphqlLimits> = {
  depth: 'maxDepth',
  aliases: 'maxAliases',
  fields: 'maxFields',
  cost: 'maxCost',
};

/** Checked in this order: the cheapest to explain first. */
const ORDER: QueryLimitName[] = ['depth', 'aliases', 'fields', 'cost'];

/** The first limit the measured operation passes, as the error the caller receives; null when within all. */
export function checkQueryLimits(measure: OperationMeasure, limits: GraphqlLimits): DomainException | null {
  for (const limit of ORDER) {
    const maximum = limits[MAXIMUM[limit]];
    const actual = Math.min(measure[limit], Number.MAX_SAFE_INTEGER);
    if (actual > maximum) {
      return new DomainException(DomainErrorCode.QUERY_TOO_COMPLEX, message(limit, maximum, actual), {
        limit,
        maximum,
        actual,
      });
    }
  }
  return null;
}

/** A document cut off while parsing: its size is only known to pass `maximum`. */
export function tooManyTokens(maximum: number): DomainException {
  const en = maximum.toLocaleString('en-US');
  const vi = maximum.toLocaleString('vi-VN');
  return new DomainException(
    DomainErrorCode.QUERY_TOO_COMPLEX,
    {
      en: `The query is longer than ${en} tokens, the most allowed. Send a shorter query.`,
      vi: `Truy vấn dài hơn ${vi} từ tố (token), mức tối đa cho phép. Hãy gửi truy vấn ngắn hơn.`,
    },
    { limit: 'tokens', maximum },
  );
}

function message(limit: QueryLimitName, maximum: number, actual: number): LocalizedMessage {
  const en = (n: number) => n.toLocaleString('en-US');
  const vi = (n: number) => n.toLocaleString('vi-VN');
  switch (limit) {
    case 'depth':
      return {
        en: `The query nests fields ${en(actual)} levels deep; at most ${en(maximum)} levels are allowed. Ask for fewer nested fields.`,
        vi: `Truy vấn lồng các trường sâu ${vi(actual)} cấp; tối đa ${vi(maximum)} cấp. Hãy bớt các trường lồng nhau.`,
      };
    case 'aliases':
      return {
        en: `The query uses ${en(actual)} aliases; at most ${en(maximum)} are allowed. Send fewer aliased fields.`,
        vi: `Truy vấn dùng ${vi(actual)} bí danh (alias); tối đa ${vi(maximum)} bí danh. Hãy gửi ít trường đặt bí danh hơn.`,
      };
    case 'fields':
      return {
        en: `The query selects ${en(actual)} fields; at most ${en(maximum)} are allowed. Ask for fewer fields.`,
        vi: `Truy vấn chọn ${vi(actual)} trường; tối đa ${vi(maximum)} trường. Hãy chọn ít trường hơn.`,
      };
    case 'cost':
      return {
        en: `The query could return up to ${en(actual)} records; at most ${en(maximum)} are allowed. Ask for smaller pages (perPage) or fewer nested lists.`,
        vi: `Truy vấn có thể trả về tới ${vi(actual)} bản ghi; tối đa ${vi(maximum)} bản ghi. Hãy giảm số dòng mỗi trang (perPage) hoặc bớt các danh sách lồng nhau.`,
      };
  }
}
