// The provider aggregate's rules that need no I/O. A training provider (opleider) is identified by its KVK number
// (8 digits), the key UWV used for login, administration, invoicing and payment (DOMAIN.md §3 Provider registry).
import type { Violation } from '@stap/platform/errors';
import { isValidKvk, isValidPostcode } from '@stap/regelingen';

export const PROVIDER_STATUSES = ['ACTIVE', 'UNDER_INVESTIGATION', 'SUSPENDED', 'ENDED'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export interface DutchAddress {
  street: string;
  houseNumber: number;
  houseNumberAddition?: string;
  /** Normalised as "1234 AB". */
  postalCode: string;
  city: string;
}

export interface ProviderContact {
  email: string;
  phone?: string;
  website?: string;
}

export interface ProviderRegistration {
  kvkNumber: string;
  legalName: string;
  communicationName: string;
  contact: ProviderContact;
  address: DutchAddress;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME_LENGTH = 200;

/** Every problem of a registration at once, named by the proto field path the caller sent. */
export function registrationViolations(registration: ProviderRegistration): Violation[] {
  const violations: Violation[] = [];
  const check = (valid: boolean, field: string, description: string) => {
    if (!valid) violations.push({ field, description });
  };
  // KVK number: 8 digits (DOMAIN.md §5 Identifiers).
  check(isValidKvk(registration.kvkNumber), 'kvk_number.value', 'must be a KVK number of 8 digits');
  checkName(check, registration.legalName, 'legal_name');
  checkName(check, registration.communicationName, 'communication_name');
  check(EMAIL.test(registration.contact.email), 'contact.email', 'must be an e-mail address');
  checkAddress(check, registration.address);
  return violations;
}

type Check = (valid: boolean, field: string, description: string) => void;

function checkName(check: Check, name: string, field: string): void {
  check(name.trim().length > 0, field, 'is required');
  check(name.length <= MAX_NAME_LENGTH, field, `must be at most ${MAX_NAME_LENGTH} characters`);
}

function checkAddress(check: Check, address: DutchAddress): void {
  check(address.street.trim().length > 0, 'address.street', 'is required');
  check(Number.isInteger(address.houseNumber) && address.houseNumber > 0, 'address.house_number', 'must be a positive number');
  // Dutch address checked for format (DOMAIN.md §3 Scholingsregister: "Dutch address checked for format").
  check(isValidPostcode(address.postalCode), 'address.postal_code', 'must be a Dutch postcode like 1234 AB');
  check(address.city.trim().length > 0, 'address.city', 'is required');
}

/** "1234ab" and "1234 AB" are the same postcode; store one form. */
export function normalisePostcode(postalCode: string): string {
  const compact = postalCode.replace(/\s+/g, '').toUpperCase();
  return compact.length === 6 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : postalCode;
}
