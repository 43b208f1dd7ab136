/** Wrapping text for a terminal or a help text: pure, so the domain (help blocks) and the CLI share it. */

/**
 * Wraps text at word boundaries to `breedte`: the first line indented by `inspringing` spaces, the
 * lines after it by `vervolg`. Words are never cut.
 */
export function vouw(tekst: string, breedte: number, inspringing: number, vervolg = inspringing): string[] {
  const regels: string[] = [];
  for (const alinea of tekst.split('\n')) {
    let regel = '';
    const pre = () => ' '.repeat(regels.length === 0 ? inspringing : vervolg);
    for (const woord of alinea.split(/\s+/).filter(Boolean)) {
      if (regel && pre().length + regel.length + 1 + woord.length > Math.max(breedte, pre().length + 20)) {
        regels.push(pre() + regel);
        regel = woord;
      } else regel = regel ? `${regel} ${woord}` : woord;
    }
    regels.push(pre() + regel);
  }
  return regels;
}
