/** A path as one shell word, for commands the user may copy: quoted when a shell would read it otherwise. */
export function shellWoord(pad: string): string {
  return /^[\w@%+=:,./-]+$/.test(pad) ? pad : `'${pad.replaceAll("'", `'\\''`)}'`;
}
