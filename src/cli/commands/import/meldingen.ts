/** `kvz import meldingen <bestand>`: a spreadsheet list in, all rows or none. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { leesImport, type ImportBasis, type ImportBericht, type ImportUitkomst } from '../../../documents/import-lezen.js';
import { UsageError, UsageErrors } from '../../../domain/errors.js';
import { importBasis, ImportSchrijver, metGroteCache, schrijfNieuw } from '../../../store/import.js';
import { meldingLijsten } from '../../../store/referentie.js';
import type { Context } from '../../context.js';
import { leesPad } from '../../invoer.js';
import { kleuren, meervoud, meld, schrijf } from '../../output.js';

interface Opts {
  proef?: boolean;
}

/** Set to true by the build (esbuild --define): only the bundle has a worker file to start. */
declare const __KVZ_BUNDEL__: boolean | undefined;
const GEBUNDELD = typeof __KVZ_BUNDEL__ !== 'undefined' && __KVZ_BUNDEL__;

/** Above this size the file is read in a worker thread while the rows already read are written. */
const GROOT = 256 * 1024;

export default async function importMeldingen(ctx: Context, o: Opts, [invoer]: string[]): Promise<void> {
  const bestand = leesPad(invoer, 'het CSV-bestand');
  const bytes = readFileSync(bestand);
  const bron = basename(bestand);
  // A large file starts being read before the database is even open.
  const lezer = startLezer(bytes, bestand, ctx.nu);
  try {
    await importeer(ctx, o, bestand, bron, lezer);
  } finally {
    lezer.stop();
  }
}

async function importeer(ctx: Context, o: Opts, bestand: string, bron: string, lezer: Lezer): Promise<void> {
  const db = await ctx.db();
  const lijsten = await meldingLijsten(db);
  const lezen = async (schrijver?: ImportSchrijver): Promise<ImportUitkomst> => {
    const basis: ImportBasis = { lijsten, nu: ctx.nu, gebruiker: ctx.gebruiker, ...(await importBasis(db)), toestand: schrijver?.toestandDoorLezer };
    const einde = await lezer.lees(basis, (meldingen, doorzettingen, toestanden) => schrijver?.schrijf(meldingen, doorzettingen, toestanden));
    // A write that failed while reading goes first: it is the cause.
    await schrijver?.wacht();
    if (einde.codering === 'windows-1252') meld(ctx, `Let op: ${bestand} is geen UTF-8; gelezen als Windows-1252 (ANSI).`);
    if (einde.genegeerd.length > 0) meld(ctx, `Niet ingelezen kolommen: ${einde.genegeerd.join(', ')}.`);
    if (einde.soort === 'afgekeurd') throw new UsageErrors(einde.regels);
    return einde.uitkomst;
  };
  // The write transaction starts before the numbers are read, so no other writer can take them.
  const u = o.proef
    ? await lezen()
    : await metGroteCache(db, () =>
        db.transactie(async () => {
          // On a file the reader salts the rows and hashes their states (on its own thread, #14).
          const schrijver = new ImportSchrijver(db, db.soort === 'sqlite');
          const { hoogsteId } = await importBasis(db);
          schrijver.nieuwVanaf(hoogsteId);
          const uitkomst = await schrijfNieuw(db, hoogsteId, async () => {
            const u = await lezen(schrijver);
            await schrijver.spoel();
            return u;
          });
          await schrijver.voltooi(ctx.actor('import meldingen'), bron, uitkomst);
          return uitkomst;
        }),
      );

  // Forwarded on an earlier day, but the file does not say when (#15 item 4): unknown, not late.
  const onbekend = u.tijd_onbekend > 0
    ? `! Van ${meervoud(u.tijd_onbekend, 'melding staat', 'meldingen staat')} wel naar wie ze ${u.tijd_onbekend === 1 ? 'is' : 'zijn'} doorgezet, maar niet wanneer (geen kolom of waarde 'Doorgezet op'). ` +
      `kvz legt dat vast als "wanneer onbekend", niet als te laat; rapport doorzetting laat ze buiten het aandeel op dezelfde dag.`
    : undefined;
  if (o.proef) {
    schrijf(ctx, `Proef: ${meervoud(u.aantal, 'melding is', 'meldingen zijn')} in orde en zou${u.aantal === 1 ? '' : 'den'} worden geïmporteerd als ${reeks(u)}. Er is niets vastgelegd.`);
    if (onbekend) schrijf(ctx, onbekend);
    return;
  }
  schrijf(ctx, kleuren(ctx).green(`✓ ${meervoud(u.aantal, 'melding', 'meldingen')} geïmporteerd: ${reeks(u)}.`));
  if (u.niet_doorgezet > 0) {
    schrijf(ctx, `! ${u.niet_doorgezet} daarvan ${u.niet_doorgezet === 1 ? 'is' : 'zijn'} nog niet doorgezet; zie kvz melding list --niet-doorgezet.`);
  }
  if (onbekend) schrijf(ctx, onbekend);
}

type Schrijf = (meldingen: (string | number | null)[], doorzettingen: (string | number | null)[], toestanden?: string[]) => void;
type Einde = Extract<ImportBericht, { soort: 'klaar' | 'afgekeurd' }>;

/** Reading the file: `lees` hands each batch of rows to `schrijf` as soon as it is ready. */
interface Lezer {
  /**
   * Resolves with the end report — 'afgekeurd' when rows are wrong, and then the batches written
   * must be undone.
   */
  lees(basis: ImportBasis, schrijf: Schrijf): Promise<Einde>;
  /** Stops a reading still under way (the command failed before or while it ran). */
  stop(): void;
}

/**
 * A large file is read in a worker thread, so that checking and writing share the two cores. It
 * starts at once: decoding, splitting and sorting the file on the moment of receipt need nothing
 * from the database, so they run while the main thread opens it and takes the write transaction.
 * Checking the rows waits for what the database tells (`ImportBasis`).
 */
function startLezer(bytes: Buffer, bron: string, nu: Date): Lezer {
  if (!GEBUNDELD || bytes.length < GROOT) {
    return {
      lees: (basis, schrijf) =>
        new Promise((klaar, mis) => {
          try {
            leesImport(bytes, bron, basis, ontvanger(schrijf, klaar, mis));
          } catch (e) {
            mis(e);
          }
        }),
      stop: () => {},
    };
  }
  // The bytes are handed over, not copied: copying a 12 MB file into the thread delayed its start by ~0.1 s (#14).
  const eigen = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  const werker = new Worker(new URL('../documents/import-werker.js', import.meta.url), {
    workerData: { bytes: eigen, bron, nu },
    transferList: [eigen.buffer as ArrayBuffer],
  });
  // What arrives before `lees` is kept: a file that cannot be read says so before the database is open.
  const vroeg: ImportBericht[] = [];
  let verwerk: ((b: ImportBericht) => void) | undefined;
  let faal: ((e: unknown) => void) | undefined;
  let fout: { e: unknown } | undefined;
  werker.on('message', (b: ImportBericht) => (verwerk ? verwerk(b) : vroeg.push(b)));
  const gefaald = (e: unknown) => (faal ? faal(e) : (fout ??= { e }));
  werker.on('error', gefaald);
  werker.on('exit', (code) => gefaald(new Error(`het inlezen stopte onverwacht (code ${code})`)));
  return {
    lees: (basis, schrijf) =>
      new Promise((klaar, mis) => {
        const ontvang = ontvanger(schrijf, klaar, mis);
        verwerk = (b) => {
          try {
            ontvang(b);
          } catch (e) {
            // Writing failed (the disk, a lock): stop reading, report the fault.
            void werker.terminate();
            mis(e);
          }
        };
        faal = mis;
        for (const b of vroeg.splice(0)) verwerk(b);
        if (fout) mis(fout.e);
        werker.postMessage(basis);
      }),
    stop: () => void werker.terminate(),
  };
}

function ontvanger(schrijf: Schrijf, klaar: (e: Einde) => void, mis: (e: unknown) => void): (b: ImportBericht) => void {
  return (b) => {
    if (b.soort === 'rijen') schrijf(b.meldingen, b.doorzettingen, b.toestanden);
    else if (b.soort === 'onleesbaar') mis(new UsageError(b.bericht));
    else klaar(b);
  };
}

function reeks(u: ImportUitkomst): string {
  return u.reeksen.map((r) => (r.eerste === r.laatste ? r.eerste : `${r.eerste} t/m ${r.laatste}`)).join(' en ');
}
