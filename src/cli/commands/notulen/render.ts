/** How `kvz notulen verwerk` shows what changes: per zaak its acties, the new acties, and attendance. */
import { soortNaam } from '../../../domain/cadans.js';
import { datumKort } from '../../../domain/tijd.js';
import { datumLang } from '../../../domain/datum-nl.js';
import { samenvatting } from '../../../store/notulen.js';
import { heeftWijzigingen, type ActiePlan, type NieuweActiePlan, type Verwerking } from '../../../store/notulen-plan.js';
import type { Context } from '../../context.js';
import { kleuren } from '../../output.js';

export function verwerkingJson(v: Verwerking, bestand: string, uitgevoerd: boolean): unknown {
  const { soort, datum } = v.overleg;
  return {
    overleg: { soort, datum },
    bestand,
    uitgevoerd,
    aanwezig: v.aanwezig,
    zaken: v.zaken,
    verslag: v.verslag,
    gehouden: v.gehouden,
    al_verwerkt: v.al_verwerkt,
    waarschuwingen: v.waarschuwingen,
  };
}

function actieRegel(w: ActiePlan): string {
  const delen: string[] = [];
  if (w.status) delen.push(`status ${w.status.oud} → ${w.status.nieuw}`);
  if (w.deadline) {
    const uitstel = w.deadline.uitgesteld ? ` (uitgesteld; daarmee ${w.keer_uitgesteld}× uitgesteld)` : '';
    delen.push(`deadline ${datumKort(w.deadline.oud)} → ${datumKort(w.deadline.nieuw)}${uitstel}`);
  }
  return `  ${w.actie}  ${delen.join(', ')}`;
}

function nieuwRegel(n: NieuweActiePlan): string {
  const status = n.status === 'open' ? '' : `, status ${n.status}`;
  return `  ${(n.actie ?? 'nieuw').padEnd(11)}  nieuwe actie voor ${n.partner}, deadline ${datumKort(n.deadline)}${status}: ${n.omschrijving.replace(/\s+/g, ' ')}`;
}

export interface TekstOpties {
  bestand: string;
  uitgevoerd: boolean;
  proef: boolean;
  namen: ReadonlyMap<string, string>;
}

export function verwerkingTekst(ctx: Context, v: Verwerking, o: TekstOpties): string {
  const k = kleuren(ctx);
  const naam = (p: string) => o.namen.get(p) ?? p;
  const uit = [k.bold(`Notulen van het ${soortNaam(v.overleg.soort)} van ${datumLang(v.overleg.datum)} (${o.bestand})`), ''];
  const a = v.aanwezig;
  if (a === null) uit.push('Aanwezigheid: niet ingevuld (geen vakje aangevinkt).');
  else {
    const gewijzigd = a.erbij.length + a.eraf.length > 0;
    uit.push(`Aanwezig: ${a.partners.map(naam).join(', ')}${gewijzigd ? '' : ' (al zo vastgelegd)'}.`);
    if (a.eraf.length > 0) uit.push(`Niet meer als aanwezig vastgelegd: ${a.eraf.map(naam).join(', ')}.`);
  }
  for (const z of v.zaken) {
    uit.push('', k.bold(`${z.zaak}  ${z.titel.replace(/\s+/g, ' ')}`));
    for (const w of z.wijzigingen) uit.push(actieRegel(w));
    for (const n of z.nieuwe_acties) uit.push(nieuwRegel(n));
  }
  const vs = v.verslag;
  if (vs) {
    const n = vs.punten.length;
    const metAfspraken = vs.punten.filter((p) => p.afspraken !== '').length;
    const wat = `${n === 1 ? '1 punt' : `${n} punten`} met tekst, waarvan ${metAfspraken} met afspraken`;
    uit.push('', vs.gewijzigd ? `Verslag: ${wat}${vs.eerder > 0 ? ' (vervangt het eerder vastgelegde verslag)' : ''}.` : `Verslag: ${wat} (al zo vastgelegd).`);
  }
  if (v.gehouden) uit.push('', `Het ${soortNaam(v.overleg.soort)} krijgt de status gehouden.`);
  uit.push('');
  if (v.al_verwerkt > 0) uit.push(v.al_verwerkt === 1 ? 'Eén waarde in het bestand staat al zo in de matrix (of is al verwerkt).' : `${v.al_verwerkt} waarden in het bestand staan al zo in de matrix (of zijn al verwerkt).`);
  if (!heeftWijzigingen(v)) {
    uit.push(o.proef ? 'Niets te wijzigen: de matrix is al bij met dit bestand.' : 'Niets gewijzigd: de matrix was al bij met dit bestand.');
    return uit.join('\n');
  }
  const wat = samenvatting(v).replace(/^notulen verwerkt: /, '');
  if (o.uitgevoerd) uit.push(k.green(`✓ Verwerkt: ${wat}.`));
  else uit.push(`Zou verwerken: ${wat}.`, `Dit was een proef: er is niets vastgelegd. Leg het vast met: kvz notulen verwerk ${o.bestand} --uitvoeren`);
  return uit.join('\n');
}
