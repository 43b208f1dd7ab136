/** `kvz actie show`: one actie with its whole history. */
import { parseNummer } from '../../../domain/nummers.js';
import { datumKort, tijdstipKort } from '../../../domain/tijd.js';
import { toonActie } from '../../../store/acties.js';
import type { Context } from '../../context.js';
import { veldRegel } from '../../opmaak.js';
import { kleuren, schrijf, schrijfJson } from '../../output.js';
import { historieRegels, overlegLabel, uitgesteldTekst } from './render.js';

export default async function actieShow(ctx: Context, o: { json?: boolean }, [nummer]: string[]): Promise<void> {
  const a = await toonActie(await ctx.db(), parseNummer('actie', nummer!, 'het actienummer'), ctx.nu);
  if (o.json) return schrijfJson(ctx, a);
  const k = kleuren(ctx);
  const deadline = [a.te_laat ? k.red(`! ${datumKort(a.deadline)} (te laat)`) : datumKort(a.deadline), uitgesteldTekst(a.keer_uitgesteld)];
  const regel = (label: string, waarde: string) => veldRegel(ctx, label, waarde);
  const uit = [
    k.bold(`Actie ${a.nummer}`),
    '',
    regel('Zaak', a.zaak),
    regel('Omschrijving', a.omschrijving),
    regel('Soort', a.soort),
    regel('Partner', a.partner),
    regel('Deadline', deadline.filter(Boolean).join(', ')),
    regel('Status', a.status),
    regel('Afgesproken in', a.afgesproken_in ? overlegLabel(a.afgesproken_in) : '—'),
    regel('Bijgewerkt', tijdstipKort(new Date(a.laatst_bijgewerkt))),
    '',
    k.bold('Geschiedenis'),
    ...historieRegels(ctx, a.historie, 2),
  ];
  schrijf(ctx, uit.join('\n'));
}
