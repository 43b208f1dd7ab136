/** The filters that `kvz melding list` and `kvz export meldingen` share, as SQL over `melding m LEFT JOIN zaak z`. */
import type { MeldingStatus } from '../domain/melding.js';
import type { Datum } from '../domain/tijd.js';

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
    const namen = s.statussen.map((st, i) => ((p[`status${i}`] = st), `@status${i}`));
    // The constant terms let SQLite use the small index of meldingen that still need attention.
    const open = s.statussen.every((st) => st === 'nieuw' || st === 'doorgezet');
    waar.push(`m.status IN (${namen.join(', ')})${open ? " AND (m.status = 'nieuw' OR m.status = 'doorgezet')" : ''}`);
  }
  if (s.categorie) (waar.push('m.categorie = @categorie'), (p.categorie = s.categorie));
  if (s.kern) (waar.push('m.kern = @kern'), (p.kern = s.kern));
  if (s.zaak) (waar.push('z.nummer = @zaak'), (p.zaak = s.zaak));
  if (s.van) (waar.push('m.ontvangen_dag >= @van'), (p.van = s.van));
  if (s.tot) (waar.push('m.ontvangen_dag <= @tot'), (p.tot = s.tot));
  if (s.vergunninghouder !== undefined) (waar.push('m.vergunninghouder = @vh'), (p.vh = s.vergunninghouder ? 1 : 0));
  if (s.doorgezetNaar) {
    // As "Doorgezet naar" counts it: a forwarding whose mail waits or failed is not one yet.
    waar.push('EXISTS (SELECT 1 FROM doorzetting dz WHERE dz.melding_id = m.id AND dz.partner = @doorgezetNaar AND dz.op IS NOT NULL)');
    p.doorgezetNaar = s.doorgezetNaar;
  }
}
