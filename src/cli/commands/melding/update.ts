/** `kvz melding update`: correct or complete a melding; every change is audited. */
import { UsageError } from '../../../domain/errors.js';
import { alsFlag, plaatsingZonderVergunninghouder, veldRegels, type RegelContext, type RuweMelding } from '../../../domain/melding-invoer.js';
import type { Kanaal, MeldingWijziging } from '../../../domain/melding.js';
import { parseNummer } from '../../../domain/nummers.js';
import { wijzigMelding } from '../../../store/meldingen.js';
import { meldingLijsten } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { schrijf, schrijfJson } from '../../output.js';

/** The flags of melding add, except the zaak and forwarding, which have commands of their own. */
interface Opts extends Omit<RuweMelding, 'zaak' | 'doorzetten'> {
  nietUrgent?: boolean;
  json?: boolean;
}

export default async function meldingUpdate(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const nummer = parseNummer('melding', invoer!, 'het meldingnummer');
  const db = await ctx.db();
  const c: RegelContext = {
    lijsten: await meldingLijsten(db),
    nu: ctx.nu,
  };
  const w: MeldingWijziging = {};
  const regel = <K extends keyof typeof veldRegels>(veld: K, v: string) =>
    veldRegels[veld](v, alsFlag(veld), c) as ReturnType<(typeof veldRegels)[K]>;
  // An empty value clears an optional field; a required field cannot be cleared.
  const wisbaar = (veld: 'adres' | 'melderNaam' | 'melderTelefoon' | 'melderEmail', v: string | undefined) =>
    v === undefined ? undefined : ((regel(veld, v) as string | undefined) ?? null);
  if (o.categorie !== undefined) w.categorie = regel('categorie', o.categorie);
  if (o.kern !== undefined) w.kern = regel('kern', o.kern);
  if (o.omschrijving !== undefined) w.omschrijving = regel('omschrijving', o.omschrijving);
  if (o.kanaal !== undefined) w.kanaal = regel('kanaal', o.kanaal) as Kanaal;
  if (o.ontvangen !== undefined) w.ontvangenOp = regel('ontvangen', o.ontvangen);
  w.adres = wisbaar('adres', o.adres);
  w.melderNaam = wisbaar('melderNaam', o.melderNaam);
  w.melderTelefoon = wisbaar('melderTelefoon', o.melderTelefoon);
  w.melderEmail = wisbaar('melderEmail', o.melderEmail);
  w.terugkoppeling = o.terugkoppeling;
  w.vergunninghouder = o.vergunninghouder;
  w.vertrouwelijk = o.vertrouwelijk;
  if (o.urgent && o.nietUrgent) throw new UsageError('Geef --urgent of --niet-urgent, niet allebei.');
  w.urgent = o.nietUrgent ? false : o.urgent;
  if (o.plaatsing !== undefined) {
    if (o.vergunninghouder === false) throw plaatsingZonderVergunninghouder('--plaatsing');
    w.plaatsing = regel('plaatsing', o.plaatsing);
  }
  if (Object.values(w).every((v) => v === undefined)) {
    throw new UsageError('Geef minstens één veld om te wijzigen, bijvoorbeeld --kern of --omschrijving (zie --help).');
  }
  const { melding, gewijzigd } = await wijzigMelding(db, ctx.actor('melding update'), nummer, w);
  if (o.json) return schrijfJson(ctx, melding);
  if (gewijzigd.length === 0) return schrijf(ctx, `Melding ${nummer}: niets gewijzigd (de waarden waren al zo).`);
  schrijf(ctx, `Melding ${nummer} bijgewerkt: ${gewijzigd.join(', ')}.`);
}
