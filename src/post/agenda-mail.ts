/**
 * The agenda by mail (SPEC §8): the Word document attached, and in the body a short summary for
 * whoever reads the mail first. The politieoverleg's agenda goes with a neutral body (what it holds
 * is in the confidential attachment only) and a subject that starts with `Vertrouwelijk:`.
 */
import { soortInZin, soortNaam } from '../domain/cadans.js';
import type { Agenda } from '../domain/agenda.js';
import { datumKort } from '../domain/tijd.js';
import { datumLang } from '../domain/datum-nl.js';
import { punten } from '../documents/agenda-inhoud.js';
import type { Bericht } from '../store/post.js';
import { nieuweMessageId, opEenRegel } from './doorzetting.js';

export function agendaBericht(a: Agenda, docx: Buffer, aan: string[], domein: string): Bericht {
  const o = a.overleg;
  const geheim = a.soort === 'politie';
  const onderwerp = opEenRegel(geheim ? `Vertrouwelijk: agenda ${soortNaam(a.soort)}, ${datumLang(o.datum)}` : `Agenda ${soortInZin(a.soort)}, ${datumLang(o.datum)}`);
  const kern = geheim
    ? [
        `In de bijlage de agenda van het ${soortNaam(a.soort)} van ${datumLang(o.datum)}, ${o.tijd} uur.`,
        '',
        'Het stuk is vertrouwelijk: alleen voor de deelnemers aan het politieoverleg. Stuur het niet door.',
      ]
    : [
        `In de bijlage de agenda van het ${soortInZin(a.soort)} van ${datumLang(o.datum)}, ${o.tijd} uur, ${opEenRegel(o.locatie)}.`,
        '',
        'Agendapunten:',
        ...punten(a).map((p, i) => `${i + 1}. ${p.titel}`),
        '',
        `De agenda gaat over de meldingen van ${datumLang(a.venster.van)} tot en met ${datumLang(a.venster.tot_en_met)}`,
        `en de stand van de matrix op ${datumLang(a.peildatum)}.`,
      ];
  const regels = ['Beste deelnemers,', '', ...kern, '', 'Met vriendelijke groet,', '', '-- ', 'Cluster Integrale Veiligheid, gemeente Koggenland'];
  return {
    soort: 'agenda',
    object: `${a.soort} ${o.datum}`,
    aan,
    onderwerp,
    tekst: `${regels.join('\n')}\n`,
    bijlage: { naam: `agenda-${a.soort}-${datumKort(o.datum)}.docx`, inhoud: docx },
    messageId: nieuweMessageId(domein),
  };
}
