import { ApplicationError } from '../errors';
import { pageResponse, readPage } from './paging';

describe('paging', () => {
  it('defaults to 50, caps at 500 and refuses a negative size', () => {
    expect(readPage(undefined, {}).take).toBe(50);
    expect(readPage({ pageSize: 10_000, pageToken: '' }, {}).take).toBe(500);
    expect(() => readPage({ pageSize: -1, pageToken: '' }, {})).toThrow(ApplicationError);
  });

  it('gives a next token until the list is exhausted, and that token continues the same list', () => {
    const first = readPage({ pageSize: 2, pageToken: '' }, { status: 'OPEN' });
    const response = pageResponse(first, 2, 5);
    expect(response.totalSize).toBe('5');
    const second = readPage({ pageSize: 2, pageToken: response.nextPageToken }, { status: 'OPEN' });
    expect(second.skip).toBe(2);
    expect(pageResponse(readPage({ pageSize: 2, pageToken: pageResponse(second, 2, 5).nextPageToken }, { status: 'OPEN' }), 1, 5).nextPageToken).toBe('');
  });

  it('refuses a token issued for other filters, or one that was tampered with', () => {
    const token = pageResponse(readPage({ pageSize: 2, pageToken: '' }, { status: 'OPEN' }), 2, 5).nextPageToken;
    expect(() => readPage({ pageSize: 2, pageToken: token }, { status: 'CLOSED' })).toThrow(ApplicationError);
    const [key] = Buffer.from(token, 'base64url').toString('utf8').split(':');
    for (const forged of [`${key}:-1`, `${key}:1e3`, `${key}:2:3`, 'garbage']) {
      expect(() => readPage({ pageSize: 2, pageToken: Buffer.from(forged).toString('base64url') }, { status: 'OPEN' })).toThrow(ApplicationError);
    }
  });
});
