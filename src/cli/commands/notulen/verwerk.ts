/** `kvz notulen verwerk <bestand>`: filled-in minutes (Markdown or Word) into the matrix; a dry run unless --uitvoeren. */
import { closeSync, openSync, readSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { OVERLEG_SOORTEN, type OverlegSoort } from '../../../domain/cadans.js';
import { UsageError } from '../../../domain/errors.js';
import type { GelezenNotulen } from '../../../domain/notulen.js';
import { leesVoornemen } from '../../../domain/notulen.js';
import { volgendDatums } from '../../../store/overleggen.js';
import { decodeerCsv } from '../../../documents/csv-lezen.js';
import { leesNotulen } from '../../../documents/notulen-lezen.js';
import type { Db } from '../../../store/db.js';
import { deelnemerAliassen, deelnemers } from '../../../store/deelnemers.js';
import { foutenInBestand, proefVerwerking, verwerkNotulen, waarInBegin } from '../../../store/notulen.js';
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

/** A Word file is a zip: it starts with PK\x03\x04, whatever its name. */
function isZip(bestand: string): boolean {
  const fd = openSync(bestand, 'r');
  try {
    const kop = Buffer.alloc(4);
    return readSync(fd, kop, 0, 4, 0) === 4 && kop.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    closeSync(fd);
  }
}

async function leesBestand(ctx: Context, db: () => Promise<Db>, bestand: string): Promise<GelezenNotulen> {
  const word = /\.docx$/i.test(bestand) || isZip(bestand);
  if (!word) {
    const { tekst, codering } = decodeerCsv(readFileSync(bestand));
    if (codering === 'windows-1252') meld(ctx, `Let op: ${bestand} is geen UTF-8; gelezen als Windows-1252 (ANSI).`);
    return leesNotulen(tekst);
  }
  const { leesNotulenDocx, MAX_BESTAND } = await import('../../../documents/notulen-docx-lezen.js');
  if (statSync(bestand).size > MAX_BESTAND) throw new UsageError(`${bestand} is groter dan 32 MB; zo groot is geen notulenbestand. Er is niets verwerkt.`);
  // The participants' names, so that a name typed on an empty attendance line counts as present.
  const namen = new Map<OverlegSoort, Set<string>>();
  for (const s of OVERLEG_SOORTEN) namen.set(s, new Set((await deelnemers(await db(), s)).map((d) => d.naam)));
  return leesNotulenDocx(readFileSync(bestand), (s) => namen.get(s)!);
}

export default async function notulenVerwerk(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const bestand = leesPad(invoer, 'het bestand');
  const gelezen = await leesBestand(ctx, () => ctx.db(), bestand);
  const db = await ctx.db();
  // A participant's name in the attendance stands for its partner.
  const lijst = await partnerLijst(db);
  const partnersMetDeelnemers = { ...lijst, aliassen: new Map([...(lijst.aliassen ?? []), ...(await deelnemerAliassen(db))]) };
  // volgend-gio in a Deadline column: the meeting after this one (looked up only when a cell says so).
  const volgend = gelezen.kenmerk && JSON.stringify(gelezen.tabellen).match(/volgende?[- ](gio|tweewekelijks|politie)/i)
    ? await volgendDatums(db, gelezen.kenmerk.datum)
    : {};
  const { voornemen, fouten } = leesVoornemen(gelezen, partnersMetDeelnemers, volgend);
  if (!voornemen) throw foutenInBestand(fouten, gelezen.plaatsen);
  // The politieoverleg's minutes are confidential as a whole (SPEC §7).
  const rol = ctx.rol();
  if (voornemen.kenmerk.soort === 'politie' && !heeftRecht(rol, 'politieoverleg')) throw geenToegang(rol!, 'de notulen van het politieoverleg niet verwerken');

  const v = o.uitvoeren
    ? await verwerkNotulen(db, ctx.actor('notulen verwerk'), voornemen, fouten, basename(bestand))
    : await proefVerwerking(db, voornemen, fouten, ctx.nu);
  for (const w of v.waarschuwingen) meld(ctx, `! ${waarInBegin(w.regel, gelezen.plaatsen)}: ${w.tekst}`);
  const uitgevoerd = o.uitvoeren === true && heeftWijzigingen(v);
  if (o.json) return schrijfJson(ctx, verwerkingJson(v, bestand, uitgevoerd));
  const namen = new Map((await partners(db)).map((p) => [p.code, p.naam]));
  schrijf(ctx, verwerkingTekst(ctx, v, { bestand, uitgevoerd, proef: !o.uitvoeren, namen }));
}
