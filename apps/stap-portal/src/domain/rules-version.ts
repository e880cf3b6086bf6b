// Which version of the STAP parameters applies to a tijdvak: the version in force on its opening date
// (libs/regelingen, DOMAIN.md §2.1: "parameter per tijdvak"). The real scheme ended with 2023; a tijdvak scheduled
// after that (development, test and demo environments) uses the last version, and says so in rules_version.
import { amsterdamDateOf, getRegeling, parametersOn, type RegelingVersion } from '@stap/regelingen';

export type StapRules = RegelingVersion<'STAP'>;

export function rulesForOpening(opensAt: Date): StapRules {
  const inForce = parametersOn('STAP', amsterdamDateOf(opensAt));
  if (inForce) return inForce;
  const versions = getRegeling('STAP').versions;
  return versions[versions.length - 1];
}

export function rulesByVersion(version: string): StapRules {
  const found = getRegeling('STAP').versions.find((candidate) => candidate.version === version);
  if (!found) throw new Error(`unknown STAP rules version ${version}`);
  return found;
}
