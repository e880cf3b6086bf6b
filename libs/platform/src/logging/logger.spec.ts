import { Writable } from 'node:stream';
import { createLogger } from './index';

// Passes the elfproef (Source: DOMAIN.md §5: weights 9..2 and -1, sum divisible by 11): a realistic BSN.
const BSN = '111222333';

/** A real pino logger writing into memory: every assertion reads the exact bytes a log collector would get. */
function capturedLogger(level: 'info' | 'debug' = 'info') {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ service: 'stap-portal', level, destination });
  const raw = () => chunks.join('');
  const lines = (): Array<Record<string, unknown>> =>
    raw()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, raw, lines };
}

describe('createLogger', () => {
  it('writes one JSON line per event with an ISO timestamp, the level name and the service', () => {
    const { logger, lines } = capturedLogger();
    logger.info({ applicationId: 'a-1' }, 'application received');
    logger.debug('not at info level');
    const [line] = lines();
    expect(lines()).toHaveLength(1);
    expect(line).toMatchObject({ level: 'info', service: 'stap-portal', applicationId: 'a-1', msg: 'application received' });
    expect(line?.['time']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(line).not.toHaveProperty('trace_id');
  });

  it('masks a BSN in the message, also when it arrives as a printf argument', () => {
    const { logger, raw, lines } = capturedLogger();
    logger.info(`aanvraag van ${BSN} ontvangen`);
    logger.info('aanvraag van %s, nummer %d', BSN, Number(BSN));
    expect(lines().map((line) => line['msg'])).toEqual(['aanvraag van [BSN] ontvangen', 'aanvraag van [BSN], nummer [BSN]']);
    expect(raw()).not.toContain(BSN);
  });

  it('redacts bsn and burgerservicenummer keys at any depth and in any case, whatever their type', () => {
    const { logger, raw, lines } = capturedLogger();
    logger.info({
      bsn: BSN,
      aanvrager: { BSN: Number(BSN), partner: { BurgerServiceNummer: '12345' } },
      note: `burger ${BSN}`,
    });
    expect(lines()[0]).toMatchObject({
      bsn: '[REDACTED]',
      aanvrager: { BSN: '[REDACTED]', partner: { BurgerServiceNummer: '[REDACTED]' } },
      note: 'burger [BSN]',
    });
    expect(raw()).not.toContain(BSN);
  });

  it('masks BSNs inside arrays', () => {
    const { logger, raw, lines } = capturedLogger();
    logger.info({ batch: [BSN, { bsn: BSN }, [`x ${BSN}`]] }, 'batch');
    expect(lines()[0]?.['batch']).toEqual(['[BSN]', { bsn: '[REDACTED]' }, ['x [BSN]']]);
    expect(raw()).not.toContain(BSN);
  });

  it("masks a BSN in an Error's message and stack, and redacts an error's own bsn property", () => {
    const { logger, raw, lines } = capturedLogger();
    const error = Object.assign(new Error(`geen tijdvak voor ${BSN}`), { bsn: BSN, code: 'NO_TIJDVAK' });
    logger.error(error);
    logger.error({ err: error, context: { cause: new Error(`oorzaak ${BSN}`) } }, 'beslissing mislukt');
    const [direct, wrapped] = lines();
    expect(direct).toMatchObject({ msg: 'geen tijdvak voor [BSN]', err: { type: 'Error', message: 'geen tijdvak voor [BSN]', bsn: '[REDACTED]', code: 'NO_TIJDVAK' } });
    expect(String((direct?.['err'] as Record<string, unknown>)['stack'])).toMatch(/^Error: geen tijdvak voor \[BSN\]\n/);
    expect(wrapped).toMatchObject({ msg: 'beslissing mislukt', err: { message: 'geen tijdvak voor [BSN]' }, context: { cause: { message: 'oorzaak [BSN]' } } });
    expect(raw()).not.toContain(BSN);
  });

  it("redacts BSNs in a child logger's bindings, and in its children's", () => {
    const { logger, raw, lines } = capturedLogger();
    const child = logger.child({ bsn: BSN, dossier: { Burgerservicenummer: 42 }, label: `dossier ${BSN}` });
    child.info('child');
    child.child({ nested: { bsn: 'x' } }).info('grandchild');
    child.setBindings({ BSN: BSN });
    child.info('rebound');
    const [first, second, third] = lines();
    expect(first).toMatchObject({ bsn: '[REDACTED]', dossier: { Burgerservicenummer: '[REDACTED]' }, label: 'dossier [BSN]' });
    expect(second).toMatchObject({ bsn: '[REDACTED]', nested: { bsn: '[REDACTED]' }, msg: 'grandchild' });
    expect(third).toMatchObject({ BSN: '[REDACTED]', msg: 'rebound' });
    expect(raw()).not.toContain(BSN);
  });

  it('masks iban keys down to the last four characters', () => {
    const { logger, raw, lines } = capturedLogger();
    logger.info({ opleider: { iban: 'NL91 ABNA 0417 1643 00' }, IBAN: 'NL91ABNA0417164300', Iban: 7 });
    expect(lines()[0]).toMatchObject({ opleider: { iban: '****4300' }, IBAN: '****4300', Iban: '[REDACTED]' });
    expect(raw()).not.toContain('0417');
  });

  it('leaves other numbers alone: longer digit runs, hex identifiers, numeric amounts', () => {
    const { logger, lines } = capturedLogger();
    const traceId = 'a3ce123456789d0e0e4736aa00bb11cc'; // nine decimal digits between hex letters: an id, not a BSN
    const hexWithNineDigits = 'ab123456789cd';
    logger.info({ kvk: '12345678', iban10: '0417164300', traceId, hexWithNineDigits, amountCents: 123456789 }, 'ok 1234567890');
    expect(lines()[0]).toMatchObject({
      kvk: '12345678',
      iban10: '0417164300',
      traceId,
      hexWithNineDigits,
      amountCents: 123456789,
      msg: 'ok 1234567890',
    });
  });

  it('keeps redacting after JSON escapes that end in a hex letter (\\b, \\f)', () => {
    const { logger, raw } = capturedLogger();
    logger.info(`\b${BSN} \f${BSN}`);
    expect(raw()).not.toContain(BSN);
  });

  it('survives circular structures', () => {
    const { logger, lines } = capturedLogger();
    const dossier: Record<string, unknown> = { bsn: BSN };
    dossier['self'] = dossier;
    logger.info({ dossier });
    expect(lines()[0]).toMatchObject({ dossier: { bsn: '[REDACTED]', self: '[Circular]' } });
  });
});
