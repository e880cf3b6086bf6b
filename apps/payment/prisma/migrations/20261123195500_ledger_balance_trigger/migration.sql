-- The ledger's invariant in the database itself, next to the check in code (src/domain/ledger.ts): every journal
-- entry's postings balance (debits = credits), amounts are positive, and postings are append-only. Postings of an
-- entry are inserted in ONE statement, so a statement-level trigger over the inserted rows sees whole entries.
-- Triggers are not part of the Prisma schema (it cannot express them), so this migration is written by hand; the
-- schema-drift test compares tables, columns, constraints and indexes, which this migration leaves unchanged.
CREATE FUNCTION ledger_posting_entries_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced record;
BEGIN
  SELECT p.entry_id,
         SUM(CASE WHEN p.side = 'DEBIT' THEN p.amount_cents ELSE 0 END) AS debits,
         SUM(CASE WHEN p.side = 'CREDIT' THEN p.amount_cents ELSE 0 END) AS credits
    INTO unbalanced
    FROM ledger_posting p
   WHERE p.entry_id IN (SELECT DISTINCT entry_id FROM new_postings)
   GROUP BY p.entry_id
  HAVING SUM(CASE WHEN p.side = 'DEBIT' THEN p.amount_cents ELSE -p.amount_cents END) <> 0
      OR COUNT(*) < 2
      OR BOOL_OR(p.amount_cents <= 0)
      OR BOOL_OR(p.side NOT IN ('DEBIT', 'CREDIT'))
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % does not balance (debits %, credits %)', unbalanced.entry_id, unbalanced.debits, unbalanced.credits
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER ledger_posting_balanced
  AFTER INSERT ON ledger_posting
  REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_posting_entries_balance();

CREATE FUNCTION ledger_posting_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger postings are append-only; book a correcting entry instead' USING ERRCODE = 'check_violation';
END;
$$;

CREATE TRIGGER ledger_posting_no_update_or_delete
  BEFORE UPDATE OR DELETE ON ledger_posting
  FOR EACH ROW EXECUTE FUNCTION ledger_posting_append_only();
