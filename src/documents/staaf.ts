/**
 * Small text bar charts for trends in reports and agendas: `████▌ 9`. Eighth-blocks give a
 * smooth length; a non-zero value always shows at least a sliver, zero shows nothing.
 */

const ACHTSTEN = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar for `waarde` on a scale where `max` fills `breedte` characters. */
export function staaf(waarde: number, max: number, breedte = 20): string {
  if (waarde <= 0 || max <= 0) return '';
  const achtsten = Math.max(1, Math.round((Math.min(waarde, max) / max) * breedte * 8));
  return '█'.repeat(Math.floor(achtsten / 8)) + ACHTSTEN[achtsten % 8];
}

export interface Balk {
  label: string;
  waarde: number;
}

/** Label, value and bar per line, labels and values aligned: 'mrt 2027   9  ████▌'. */
export function staafdiagram(balken: readonly Balk[], breedte = 20): string[] {
  const max = Math.max(0, ...balken.map((b) => b.waarde));
  const labelBreedte = Math.max(0, ...balken.map((b) => b.label.length));
  const getalBreedte = Math.max(0, ...balken.map((b) => String(b.waarde).length));
  return balken.map((b) =>
    `${b.label.padEnd(labelBreedte)}  ${String(b.waarde).padStart(getalBreedte)}  ${staaf(b.waarde, max, breedte)}`.trimEnd(),
  );
}
