// Every rule answers with a verdict that says why, never a bare boolean: the reasons become the
// rejection grounds in a decision letter and the codes in the contracts.

export interface Verdict<Reason extends string> {
  /** True exactly when `reasons` is empty. */
  readonly eligible: boolean;
  readonly reasons: readonly Reason[];
}

/** A verdict plus the facts the rule computed (a date, an amount), which callers show or store. */
export type VerdictWith<Reason extends string, Facts extends object> = Verdict<Reason> & Facts;

export function verdict<Reason extends string>(reasons: readonly (Reason | false | undefined)[]): Verdict<Reason> {
  const present = reasons.filter((reason): reason is Reason => typeof reason === 'string');
  return { eligible: present.length === 0, reasons: Object.freeze([...new Set(present)]) };
}

export function verdictWith<Reason extends string, Facts extends object>(
  reasons: readonly (Reason | false | undefined)[],
  facts: Facts,
): VerdictWith<Reason, Facts> {
  return { ...facts, ...verdict(reasons) };
}

/** Merges the reasons of several verdicts, keeping their order and dropping duplicates. */
export function combineVerdicts<Reason extends string>(...verdicts: readonly Verdict<Reason>[]): Verdict<Reason> {
  return verdict(verdicts.flatMap((each) => each.reasons));
}
