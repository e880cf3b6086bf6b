import { formatEuroCents, parseEuroCents } from './euro-amount';

describe('parseEuroCents', () => {
  it.each([
    ['1.250,00', 125_000], ['1250', 125_000], ['1250,5', 125_050], ['€ 95', 9_500], ['0,99', 99], ['12.345.678,01', 1_234_567_801], [' 7 ', 700],
  ])('reads %s as %i cents', (text, cents) => expect(parseEuroCents(text)).toBe(cents));

  it.each(['12,345', '-5', '12.50', '1.2.3', '1,', 'tien', '1e3', '0x10', '12,3a'])('refuses %s', (text) => expect(parseEuroCents(text)).toBeNaN());

  it('reads an empty field as absent', () => {
    expect(parseEuroCents('')).toBeNull();
    expect(parseEuroCents(undefined)).toBeNull();
  });

  it('formats cents the Dutch way, and reads its own output back', () => {
    expect(formatEuroCents(125_050)).toBe('1.250,50');
    expect(formatEuroCents(5)).toBe('0,05');
    for (const cents of [0, 1, 99, 100, 123_456_789]) expect(parseEuroCents(formatEuroCents(cents))).toBe(cents);
  });
});
