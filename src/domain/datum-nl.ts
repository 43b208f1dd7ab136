/**
 * Dates written out in Dutch, by date-fns with its nl locale. A module of its own so that only the
 * commands that write a long date (agendas, minutes, mail, meeting plans) load the formatter (~4 ms
 * of start-up, bundled); the desk's `melding add` does not pay for it.
 */
import { format } from 'date-fns/format';
import { nl } from 'date-fns/locale/nl';
import type { Datum } from './tijd.js';

/** 'dinsdag 16 maart 2027'. */
export function datumLang(datum: Datum): string {
  return format(new Date(+datum.slice(0, 4), +datum.slice(5, 7) - 1, +datum.slice(8, 10), 12), 'EEEE d MMMM yyyy', { locale: nl });
}
