/**
 * Whether a tool a test needs is here. Locally a missing tool skips that test, and its title says
 * what was skipped; with CI set, a missing tool fails the run instead, so a green CI means every test
 * ran (.ci/run installs all of them).
 */
export function aanwezig(wat: string, is: boolean): boolean {
  if (!is && process.env.CI) throw new Error(`${wat} ontbreekt op deze CI-machine; .ci/run hoort het te installeren. Geen test mag in CI worden overgeslagen.`);
  return is;
}
