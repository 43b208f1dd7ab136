/** Dutch wording shared by screens and documents. */

/** '1 melding', '3 meldingen'. */
export function meervoud(aantal: number, enkel: string, meer: string): string {
  return `${aantal} ${aantal === 1 ? enkel : meer}`;
}
