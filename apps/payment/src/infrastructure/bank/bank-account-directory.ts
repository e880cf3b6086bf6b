// Where the full IBAN of an account version comes from. provider-registry keeps IBANs out of Kafka
// (BankAccountChanged carries a reference and the last 4 characters), so the payment service asks its
// GetBankAccount RPC when it builds a batch, once per account version, and caches the answer.
import { credentials, Metadata } from '@grpc/grpc-js';
import { callUnary } from '@stap/platform/grpc';
import { ProviderRegistryServiceClient } from '@stap/contracts/stap/providers/v1/providers';

export interface FullBankAccount {
  iban: string;
  holderName: string;
}

export interface BankAccountDirectory {
  get(accountReference: string): Promise<FullBankAccount>;
  close(): void;
}

export function providerRegistryDirectory(address: string, token: string): BankAccountDirectory {
  const client = new ProviderRegistryServiceClient(address, credentials.createInsecure());
  const metadata = () => {
    const m = new Metadata();
    if (token) m.set('authorization', `Bearer ${token}`);
    return m;
  };
  return {
    async get(accountReference) {
      const account = await callUnary(client, client.getBankAccount, { accountReference }, metadata());
      return { iban: account.iban?.value ?? '', holderName: account.accountHolderName };
    },
    close: () => client.close(),
  };
}
