/** Codes of partners and categorieën: lower case letters, digits and dashes. */
import { UsageError } from '../../../domain/errors.js';

export function leesCode(invoer: string, veld: string): string {
  const code = invoer.trim();
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(code)) {
    throw new UsageError(`Ongeldige ${veld} '${invoer}': gebruik kleine letters, cijfers en streepjes, beginnend met een letter (ten hoogste 40 tekens).`);
  }
  return code;
}
