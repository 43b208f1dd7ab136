/**
 * Minutes back into the matrix (`kvz notulen verwerk --uitvoeren`): the plan of store/notulen-plan.ts,
 * made again inside one immediate transaction and applied with the rules of `kvz actie update` and
 * `kvz actie add` (history rows that name the meeting, postponements counted, new acties agreed in
 * this meeting), attendance stored on the meeting, and one audit row for all of it.
 */
import { soortNaam } from '../domain/cadans.js';
import { UsageErrors } from '../domain/errors.js';
import type { Fout, Voornemen } from '../domain/notulen.js';
import { datumKort } from '../domain/tijd.js';
import { maakActie, pasActieAan } from './acties.js';
import { inTransactie, schrijfAudit, type Actor } from './audit.js';
import type { Db } from './db.js';
import { BEHOUDEN, heeftWijzigingen, planVerwerking, type Verwerking } from './notulen-plan.js';
import { overlegVoor } from './overleggen.js';

/** Where a problem is: a line of a Markdown file, or a table and row of a Word file. */
export function waarIn(regel: number, plaatsen?: ReadonlyMap<number, string>): string {
  if (!plaatsen) return `regel ${regel}`;
  return regel === 0 ? 'het document' : (plaatsen.get(regel) ?? `rij ${regel}`);
}

/** At the start of a line of kvz's own, as the import writes it too: 'Regel 74: …', 'Tabel 2, rij 3: …'. */
export function waarInBegin(regel: number, plaatsen?: ReadonlyMap<number, string>): string {
  const waar = waarIn(regel, plaatsen);
  return waar.charAt(0).toUpperCase() + waar.slice(1);
}

/** Problems in the file as the usage error that lists them, one line each, and says nothing was applied. */
export function foutenInBestand(fouten: Fout[], plaatsen?: ReadonlyMap<number, string>): UsageErrors {
  const regels = [...fouten].sort((a, b) => a.regel - b.regel).map((f) => `${waarInBegin(f.regel, plaatsen)}: ${f.tekst}`);
  const n = fouten.length;
  return new UsageErrors([...regels, `${n === 1 ? 'Eén probleem' : `${n} problemen`} in het bestand; er is niets verwerkt.`]);
}

/**
 * The dry run: what would change. Writes nothing. `eerder` are the problems already found in the
 * cells, reported together with those the database shows.
 */
export async function proefVerwerking(db: Db, v: Voornemen, eerder: Fout[], nu: Date): Promise<Verwerking> {
  const { verwerking, fouten } = await planVerwerking(db, v, nu);
  if (eerder.length + fouten.length > 0) throw foutenInBestand([...eerder, ...fouten], v.plaatsen);
  return verwerking;
}

/** Applies the minutes in one transaction with one audit row; nothing when there is nothing to change. */
export function verwerkNotulen(db: Db, actor: Actor, v: Voornemen, eerder: Fout[], bestand: string): Promise<Verwerking> {
  return inTransactie(db, async () => {
    const { verwerking, fouten } = await planVerwerking(db, v, actor.nu);
    if (eerder.length + fouten.length > 0) throw foutenInBestand([...eerder, ...fouten], v.plaatsen);
    if (!heeftWijzigingen(verwerking)) return verwerking;
    const o = verwerking.overleg;
    const overlegId = await overlegVoor(db, o.soort, o.datum, actor.nu);
    const inOverleg = async () => overlegId;
    const notitie = `Notulen ${soortNaam(o.soort)} ${datumKort(o.datum)}`;
    const details: Record<string, unknown> = { bestand, status: {}, deadline: {}, nieuwe_acties: [] as string[] };
    for (const z of verwerking.zaken) {
      for (const w of z.wijzigingen) {
        await pasActieAan(db, actor, w.actie, { status: w.status?.nieuw, deadline: w.deadline?.nieuw, notitie }, inOverleg);
        if (w.status) (details.status as Record<string, unknown>)[w.actie] = [w.status.oud, w.status.nieuw];
        if (w.deadline) (details.deadline as Record<string, unknown>)[w.actie] = [w.deadline.oud, w.deadline.nieuw];
      }
      for (const n of z.nieuwe_acties) {
        n.actie = await maakActie(db, actor, { zaak: z.zaak, omschrijving: n.omschrijving, soort: 'overig', partner: n.partner, deadline: n.deadline }, inOverleg);
        if (n.status !== 'open') await pasActieAan(db, actor, n.actie, { status: n.status, notitie }, inOverleg);
        (details.nieuwe_acties as string[]).push(n.actie);
      }
    }
    const a = verwerking.aanwezig;
    if (a && a.erbij.length + a.eraf.length > 0) {
      for (const p of a.eraf) await db.voer('DELETE FROM aanwezigheid WHERE overleg_id = ? AND partner = ?', [overlegId, p]);
      for (const p of a.erbij) await db.voer('INSERT INTO aanwezigheid (overleg_id, partner) VALUES (?, ?)', [overlegId, p]);
      details.aanwezig = a.partners;
    }
    const vs = verwerking.verslag;
    if (vs?.gewijzigd) {
      // The text of the file replaces the verslag (the text itself is not in the audit log: it may name people).
      // What another meeting than the politieoverleg said about a zaak that has since become
      // confidential stays (on PostgreSQL only the politieoverleg sees it): the same on both stores.
      await db.voer(`DELETE FROM verslag WHERE overleg_id = ? AND NOT (${BEHOUDEN})`, [overlegId, o.soort]);
      let volgorde = 0;
      for (const p of vs.punten) {
        await db.voer(
          `INSERT INTO verslag (overleg_id, volgorde, punt, zaak_id, besproken, afspraken)
           VALUES (@overleg, @volgorde, @punt, (SELECT id FROM zaak WHERE nummer = @zaak), @besproken, @afspraken)`,
          { overleg: overlegId, volgorde: ++volgorde, punt: p.punt, zaak: p.zaak, besproken: p.besproken, afspraken: p.afspraken },
        );
      }
      details.verslag = { punten: vs.punten.length, zaken: [...new Set(vs.punten.flatMap((p) => (p.zaak === null ? [] : [p.zaak])))] };
    }
    if (verwerking.gehouden) {
      await db.voer('UPDATE overleg SET gehouden_op = ? WHERE id = ? AND gehouden_op IS NULL', [actor.nu.toISOString(), overlegId]);
      details.gehouden = true;
    }
    // The politieoverleg's minutes are confidential as a whole: so is what the log says of them.
    await schrijfAudit(db, actor, { object: `${o.soort}:${o.nominale_datum}`, resultaat: samenvatting(verwerking), details, vertrouwelijk: o.soort === 'politie' });
    return verwerking;
  });
}

/** 'notulen verwerkt: 2 statuswijzigingen, 1 nieuwe deadline, 1 nieuwe actie, aanwezigheid'. */
export function samenvatting(v: Verwerking): string {
  const w = v.zaken.flatMap((z) => z.wijzigingen);
  const tel = (n: number, een: string, meer: string) => (n === 0 ? [] : [`${n} ${n === 1 ? een : meer}`]);
  const delen = [
    ...tel(w.filter((x) => x.status).length, 'statuswijziging', 'statuswijzigingen'),
    ...tel(w.filter((x) => x.deadline).length, 'nieuwe deadline', 'nieuwe deadlines'),
    ...tel(v.zaken.reduce((n, z) => n + z.nieuwe_acties.length, 0), 'nieuwe actie', 'nieuwe acties'),
  ];
  if (v.aanwezig && v.aanwezig.erbij.length + v.aanwezig.eraf.length > 0) delen.push('aanwezigheid');
  if (v.verslag?.gewijzigd) delen.push(`verslag (${v.verslag.punten.length === 1 ? '1 punt' : `${v.verslag.punten.length} punten`})`);
  if (v.gehouden) delen.push('overleg gehouden');
  return `notulen verwerkt: ${delen.join(', ')}`;
}
