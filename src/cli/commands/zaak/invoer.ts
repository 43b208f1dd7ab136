/** Reading the flags of the zaak commands: one validator per field, shared by open, update and list. */
import { kies, type Keuzelijst } from '../../../domain/keuze.js';
import { parseNummer } from '../../../domain/nummers.js';
import { tekst } from '../../../domain/tekst.js';
import { UsageError } from '../../../domain/errors.js';
import { ZAAK_LENGTE, ZAAK_SOORTEN, type ZaakSoort } from '../../../domain/zaak.js';

const ZAAK_SOORT_LIJST: Keuzelijst = { soort: 'soort zaak', waarden: ZAAK_SOORTEN };

export const zaakInvoer = {
  titel: (v: string) => tekst(v, '--titel', { max: ZAAK_LENGTE.titel }),
  soort: (v: string) => kies(v, '--soort', ZAAK_SOORT_LIJST) as ZaakSoort,
  kern: (v: string, lijst: Keuzelijst) => kies(v, '--kern', lijst),
  eigenaar: (v: string, lijst: Keuzelijst) => kies(v, '--eigenaar', lijst),
  resultaat: (v: string) => tekst(v, '--resultaat', { max: ZAAK_LENGTE.resultaat, meerdereRegels: true }),
  /** 'M-2027-0001,m-2027-4' → ['M-2027-0001', 'M-2027-0004']. */
  meldingen: (v: string) => {
    const delen = v.split(',').map((d) => d.trim()).filter(Boolean);
    if (delen.length === 0) throw new UsageError('--melding mag niet leeg zijn; geef een of meer meldingnummers, gescheiden door komma\'s.');
    return [...new Set(delen.map((d) => parseNummer('melding', d, '--melding')))];
  },
};
