// Page requests and tokens (stap.common.v1.PageRequest): 1-500 items, default 50; the token is an offset bound to the
// list and filters it was issued for, so a token reused with other filters is INVALID_ARGUMENT rather than a wrong page.
import { createHash } from 'node:crypto';
import type { PageRequest, PageResponse } from '@stap/contracts/stap/common/v1/common';
import { invalid } from '../errors';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

export interface Page {
  skip: number;
  take: number;
  filterKey: string;
}

export function readPage(page: PageRequest | undefined, filters: unknown): Page {
  const filterKey = createHash('sha256').update(JSON.stringify(filters)).digest('hex').slice(0, 16);
  const size = page?.pageSize ?? 0;
  if (size < 0) throw invalid([{ field: 'page.page_size', description: `must be 0 to ${MAX_PAGE_SIZE}` }]);
  const take = size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
  if (!page?.pageToken) return { skip: 0, take, filterKey };
  const [key, offset, extra] = Buffer.from(page.pageToken, 'base64url').toString('utf8').split(':');
  const skip = Number(offset);
  if (key !== filterKey || extra !== undefined || !/^\d{1,9}$/.test(offset ?? '') || !Number.isSafeInteger(skip)) {
    throw invalid([{ field: 'page.page_token', description: 'is not a token of this list with these filters' }]);
  }
  return { skip, take, filterKey };
}

export function pageResponse(page: Page, returned: number, total: number): PageResponse {
  const next = page.skip + returned;
  return {
    nextPageToken: returned > 0 && next < total ? Buffer.from(`${page.filterKey}:${next}`, 'utf8').toString('base64url') : '',
    totalSize: String(total),
  };
}
