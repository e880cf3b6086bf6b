// Spending admission tokens inside the decision transaction (see application/admission.ts for the rule). One
// set-based INSERT per batch instead of one autocommitted INSERT (and WAL flush) per application: the primary key of
// admission_token_use still makes a second use impossible, also across portal instances (a concurrent transaction
// inserting the same token id waits for this one and then finds the conflict), and a batch that rolls back spends
// nothing.
import type { PoolClient } from 'pg';

/** The refusal of a second use, the same from the pre-check and from the decision batch. */
export const ADMISSION_TOKEN_ALREADY_USED = 'this admission token was already used to submit an application; the waiting room gives a new one';

export interface AdmissionUse {
  tokenId: string;
  ticketId: string;
  tijdvakId: string;
}

/**
 * Spends the tokens of one batch, in receipt order. Returns per entry whether it may go on: true without a token
 * (counter), true for the first use of a token, false for a token used before or earlier in the same batch.
 */
export async function spendAdmissionTokens(client: Pick<PoolClient, 'query'>, uses: (AdmissionUse | undefined)[], usedAt: Date): Promise<boolean[]> {
  const first = new Map<string, number>();
  uses.forEach((use, index) => {
    if (use && !first.has(use.tokenId)) first.set(use.tokenId, index);
  });
  if (first.size === 0) return uses.map(() => true);
  const tokens = [...first.keys()];
  const pick = (field: keyof AdmissionUse) => tokens.map((token) => uses[first.get(token) ?? -1]?.[field] ?? '');
  const inserted = await client.query(
    `INSERT INTO admission_token_use (token_id, tijdvak_id, ticket_id, used_at)
     SELECT v.token_id::uuid, v.tijdvak_id, v.ticket_id::uuid, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS v(token_id, tijdvak_id, ticket_id)
     ON CONFLICT (token_id) DO NOTHING
     RETURNING token_id`,
    [tokens, pick('tijdvakId'), pick('ticketId'), usedAt],
  );
  const spent = new Set((inserted.rows as { token_id: string }[]).map((row) => row.token_id.toLowerCase()));
  return uses.map((use, index) => !use || (first.get(use.tokenId) === index && spent.has(use.tokenId.toLowerCase())));
}

/** Gives tokens back in the same transaction: their application was refused with an error, not decided. */
export async function giveBackAdmissionTokens(client: Pick<PoolClient, 'query'>, tokenIds: string[]): Promise<void> {
  if (tokenIds.length === 0) return;
  await client.query(`DELETE FROM admission_token_use WHERE token_id = ANY($1::uuid[])`, [tokenIds]);
}
