import { elfproefSum, validateBsn } from './bsn';
import { IBAN_LENGTHS, ibanMod97, validateIban } from './iban';
import { validateKvk } from './kvk';
import { validatePostcode } from './postcode';

describe('BSN elfproef', () => {
  it('accepts valid numbers', () => {
    for (const bsn of ['111222333', '123456782', '999999990']) expect(validateBsn(bsn)).toEqual({ eligible: true, reasons: [], bsn });
  });

  it('uses weight -1 on the last digit, not +1', () => {
    expect(elfproefSum('123456789')).toBe(147);
    expect(validateBsn('123456789')).toEqual({ eligible: false, reasons: ['ELFPROEF_FAILED'], bsn: null });
  });

  it('refuses all zeros, wrong lengths, letters and formatting', () => {
    expect(validateBsn('000000000').reasons).toEqual(['ALL_ZEROS']);
    for (const bad of ['12345678', '1112223334', '', '11122233a', 'abcdefghi', ' 111222333', '111 222 333', '111.222.333']) {
      expect(validateBsn(bad)).toEqual({ eligible: false, reasons: ['NOT_9_DIGITS'], bsn: null });
    }
  });

  it('catches every single-digit error of a valid number', () => {
    const valid = '111222333';
    for (let position = 0; position < 9; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const changed = valid.slice(0, position) + String(digit) + valid.slice(position + 1);
        if (changed !== valid) expect(validateBsn(changed).eligible).toBe(false);
      }
    }
  });
});

describe('IBAN ISO 13616 mod-97', () => {
  const valid: [string, string][] = [
    ['NL91ABNA0417164300', 'NL'],
    ['DE89370400440532013000', 'DE'],
    ['GB29NWBK60161331926819', 'GB'],
    ['BE68539007547034', 'BE'],
    ['FR1420041010050500013M02606', 'FR'],
    ['ES9121000418450200051332', 'ES'],
    ['CH9300762011623852957', 'CH'],
    ['NO9386011117947', 'NO'],
    ['MT84MALT011000012345MTLCAST001S', 'MT'],
  ];

  it('accepts valid IBANs from nine countries', () => {
    for (const [iban, country] of valid) expect(validateIban(iban)).toEqual({ eligible: true, reasons: [], iban, country });
  });

  it('accepts the printed form with spaces and lower case, returning the electronic form', () => {
    expect(validateIban('nl91 abna 0417 1643 00')).toMatchObject({ eligible: true, iban: 'NL91ABNA0417164300' });
  });

  it('refuses a flipped checksum or a changed account digit', () => {
    expect(validateIban('NL19ABNA0417164300').reasons).toEqual(['CHECKSUM_FAILED']);
    expect(validateIban('NL91ABNA0417164301').reasons).toEqual(['CHECKSUM_FAILED']);
    expect(validateIban('DE89370400440532013001').reasons).toEqual(['CHECKSUM_FAILED']);
    expect(validateIban('GB29NWBK60161331926891').reasons).toEqual(['CHECKSUM_FAILED']);
  });

  it('refuses wrong lengths: NL is 18 characters', () => {
    expect(IBAN_LENGTHS['NL']).toBe(18);
    expect(validateIban('NL91ABNA041716430').reasons).toEqual(['WRONG_LENGTH']);
    expect(validateIban('NL91ABNA04171643000').reasons).toEqual(['WRONG_LENGTH']);
    expect(validateIban('BE6853900754703').reasons).toEqual(['WRONG_LENGTH']);
  });

  it('refuses unknown countries and invalid characters', () => {
    expect(validateIban('XX91ABNA0417164300')).toMatchObject({ reasons: ['UNKNOWN_COUNTRY'], country: 'XX' });
    expect(validateIban('US64SVBKUS6S3300958879').reasons).toEqual(['UNKNOWN_COUNTRY']);
    expect(validateIban('NL91-ABNA-0417-1643-00').reasons).toEqual(['INVALID_CHARACTERS']);
    expect(validateIban('').reasons).toEqual(['INVALID_CHARACTERS']);
  });

  it('refuses check digits 00, 01 and 99 even when the remainder test passes', () => {
    // 99 ≡ 2 and 01 ≡ 98 (mod 97): find a BBAN whose true check digits are 02 or 98 and swap in the alias.
    for (let n = 0; n < 1_000; n += 1) {
      const bban = `ABNA${String(417164300 + n).padStart(10, '0')}`;
      const check = 98 - ibanMod97(`NL00${bban}`);
      const alias = check === 2 ? '99' : check === 98 ? '01' : null;
      if (alias === null) continue;
      expect(validateIban(`NL${String(check).padStart(2, '0')}${bban}`).eligible).toBe(true);
      expect(ibanMod97(`NL${alias}${bban}`)).toBe(1);
      expect(validateIban(`NL${alias}${bban}`).reasons).toEqual(['INVALID_CHECK_DIGITS']);
      return;
    }
    throw new Error('no BBAN with check digits 02 or 98 found in the search range');
  });
});

describe('KvK number', () => {
  it('is exactly 8 digits', () => {
    expect(validateKvk('69599084')).toEqual({ eligible: true, reasons: [], kvk: '69599084' });
    for (const bad of ['6959908', '695990840', '6959908a', '']) expect(validateKvk(bad).reasons).toEqual(['NOT_8_DIGITS']);
  });
});

describe('Dutch postcode', () => {
  it('accepts 4 digits and 2 letters, with or without a space, in any case', () => {
    expect(validatePostcode('2513 AA')).toEqual({ eligible: true, reasons: [], postcode: '2513AA' });
    expect(validatePostcode('2509lv').postcode).toBe('2509LV');
  });

  it('refuses a leading zero, wrong shapes and the unused letter pairs SA, SD, SS', () => {
    for (const bad of ['0123 AB', '12345', '123 AB', '1234 A', '1234  AB', '1234-AB', 'AB 1234']) expect(validatePostcode(bad).reasons).toEqual(['INVALID_FORMAT']);
    for (const unused of ['1234 SA', '1234 SD', '1234 SS']) expect(validatePostcode(unused).reasons).toEqual(['UNUSED_LETTER_COMBINATION']);
  });
});
