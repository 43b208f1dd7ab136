/** `kvz notulen verwerk <bestand>`: a filled-in minutes skeleton into the matrix; a dry run unless --uitvoeren. */
import { deelnemerAliassen } from '../../../store/deelnemers.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeerCsv } from '../../../documents/csv-lezen.js';
import { leesNotulen } from '../../../documents/notulen-lezen.js';
import { leesVoornemen } from '../../../domain/notulen.js';
import { foutenInBestand, proefVerwerking, verwerkNotulen } from '../../../store/notulen.js';
import { heeftWijzigingen } from '../../../store/notulen-plan.js';
import { partnerLijst, partners } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { leesPad } from '../../invoer.js';
import { geenToegang, heeftRecht } from '../../rechten.js';
import { meld, schrijf, schrijfJson } from '../../output.js';
import { verwerkingJson, verwerkingTekst } from './render.js';

interface Opts {
  uitvoeren?: boolean;
  json?: boolean;
}

export default async function notulenVerwerk(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const bestand = leesPad(invoer, 'het bestand');
  const { tekst, codering } = decodeerCsv(readFileSync(bestand));
  const db = await ctx.db();
  // A participant's name in the attendance stands for its partner.
  const lijst = await partnerLijst(db);
  const partnersMetDeelnemers = { ...lijst, aliassen: new Map([...(lijst.aliassen ?? []), ...(await deelnemerAliassen(db))]) };
  const { voornemen, fouten } = leesVoornemen(leesNotulen(tekst), partnersMetDeelnemers);
  if (codering === 'windows-1252') meld(ctx, `Let op: ${bestand} is geen UTF-8; gelezen als Windows-1252 (ANSI).`);
  if (!voornemen) throw foutenInBestand(fouten);
  // The politieoverleg's minutes are confidential as a whole (SPEC §7).
  const rol = ctx.rol();
  if (voornemen.kenmerk.soort === 'politie' && !heeftRecht(rol, 'politieoverleg')) throw geenToegang(rol!, 'de notulen van het politieoverleg niet verwerken');

  const v = o.uitvoeren
    ? await verwerkNotulen(db, ctx.actor('notulen verwerk'), voornemen, fouten, basename(bestand))
    : await proefVerwerking(db, voornemen, fouten, ctx.nu);
  for (const w of v.waarschuwingen) meld(ctx, `! regel ${w.regel}: ${w.tekst}`);
  const uitgevoerd = o.uitvoeren === true && heeftWijzigingen(v);
  if (o.json) return schrijfJson(ctx, verwerkingJson(v, bestand, uitgevoerd));
  const namen = new Map((await partners(db)).map((p) => [p.code, p.naam]));
  schrijf(ctx, verwerkingTekst(ctx, v, { bestand, uitgevoerd, proef: !o.uitvoeren, namen }));
}
