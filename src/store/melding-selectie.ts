/**
 * The filters that `kvz melding list` and `kvz export meldingen` share, as SQL over `melding m` alone (so a
 * count or a page of ids needs no join).
 */
import type { MeldingStatus } from '../domain/melding.js';
import type { Datum } from '../domain/tijd.js';

/** The status a user sees: a lapsed melding is stored as afgehandeld with its flag (schema.sql). */
export const MELDING_STATUS = "CASE WHEN m.vervallen = 1 THEN 'vervallen' ELSE m.status END";

export interface MeldingSelectie {
  /** Only these statuses (absent: all). */
  statussen?: MeldingStatus[];
  categorie?: string;
  kern?: string;
  zaak?: string;
  van?: Datum;
  tot?: Datum;
  vergunninghouder?: boolean;
  /** Forwarded to this partner (a per-partner sheet of the export). */
  doorgezetNaar?: string;
}

/** Adds the conditions of `s` to `waar`, and their values to `p`. */
export function selectieVoorwaarden(s: MeldingSelectie, waar: string[], p: Record<string, unknown>): void {
  if (s.statussen) {
    const gewoon = s.statussen.filter((st) => st !== 'vervallen');
    const namen = gewoon.map((st, i) => ((p[`status${i}`] = st), `@status${i}`));
    // The constant terms let SQLite use the small index of meldingen that still need attention.
    const open = gewoon.length === s.statussen.length && gewoon.every((st) => st === 'nieuw' || st === 'doorgezet');
    if (open) waar.push(`m.status IN (${namen.join(', ')}) AND (m.status = 'nieuw' OR m.status = 'doorgezet')`);
    else {
      // A lapsed melding is stored as afgehandeld with its flag: afgehandeld alone means without it.
      const delen = namen.length ? [`(m.status IN (${namen.join(', ')}) AND m.vervallen = 0)`] : [];
      if (gewoon.length < s.statussen.length) delen.push('m.vervallen = 1');
      waar.push(`(${delen.join(' OR ')})`);
    }
  }
  if (s.categorie) (waar.push('m.categorie = @categorie'), (p.categorie = s.categorie));
  if (s.kern) (waar.push('m.kern = @kern'), (p.kern = s.kern));
  if (s.zaak) (waar.push('m.zaak_id = (SELECT zn.id FROM zaak zn WHERE zn.nummer = @zaak)'), (p.zaak = s.zaak));
  if (s.van) (waar.push('m.ontvangen_dag >= @van'), (p.van = s.van));
  if (s.tot) (waar.push('m.ontvangen_dag <= @tot'), (p.tot = s.tot));
  if (s.vergunninghouder !== undefined) (waar.push('m.vergunninghouder = @vh'), (p.vh = s.vergunninghouder ? 1 : 0));
  if (s.doorgezetNaar) {
    // As "Doorgezet naar" counts it: a forwarding whose mail waits or failed is not one yet.
    waar.push('EXISTS (SELECT 1 FROM doorzetting dz WHERE dz.melding_id = m.id AND dz.partner = @doorgezetNaar AND dz.op IS NOT NULL)');
    p.doorgezetNaar = s.doorgezetNaar;
  }
}
