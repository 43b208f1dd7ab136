/**
 * An independent reader for exported CSV: Python's csv module (on every machine), and LibreOffice
 * Calc where it is installed. Tests read every export back with these rather than with kvz's own
 * reader, so that a fault shared by kvz's writer and reader cannot hide.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tijdelijkeMap } from './run.js';
import { aanwezig } from './vereist.js';

const PYTHON = `
import csv, json, sys
pad, scheiding = sys.argv[1], sys.argv[2]
with open(pad, 'rb') as f:
    ruw = f.read()
with open(pad, encoding='utf-8-sig', newline='') as f:
    rijen = list(csv.reader(f, delimiter=scheiding, strict=True))
print(json.dumps({'bom': ruw.startswith(b'\\xef\\xbb\\xbf'), 'rijen': rijen}))
`;

export interface GelezenCsv {
  bom: boolean;
  rijen: string[][];
  /** The raw bytes as text (BOM included), to check separators and line ends. */
  tekst: string;
}

/** Reads a CSV file (or text, written to a temporary file) with Python's csv module. */
export function leesMetPython(bron: { pad: string } | { tekst: string }, scheiding: ';' | ','): GelezenCsv {
  const pad = 'pad' in bron ? bron.pad : join(tijdelijkeMap(), 'export.csv');
  if ('tekst' in bron) writeFileSync(pad, bron.tekst);
  const r = spawnSync('python3', ['-c', PYTHON, pad, scheiding], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 kon de CSV niet lezen: ${r.stderr}`);
  const { bom, rijen } = JSON.parse(r.stdout) as { bom: boolean; rijen: string[][] };
  return { bom, rijen, tekst: readFileSync(pad, 'utf8') };
}

/** LibreOffice's command, if installed (Debian: libreoffice-calc-nogui). */
/**
 * LibreOffice's profile for this test process: two instances sharing the default profile at once (test
 * files run in parallel) make one of them exit 1. Reused within the process, so it is made only once.
 */
export const LO_PROFIEL = `-env:UserInstallation=file://${join(tmpdir(), `kvz-lo-${process.pid}`)}`;

export function soffice(): string | undefined {
  const naam = ['soffice', 'libreoffice'].find((n) => spawnSync('which', [n]).status === 0);
  return aanwezig('LibreOffice (soffice)', naam !== undefined) ? naam : undefined;
}

/**
 * LibreOffice with Writer (Debian: libreoffice-writer-nogui) and pdftotext (poppler-utils), to lay a
 * Word document out and read the pages back; undefined when either is missing.
 */
export function writer(): string | undefined {
  const lo = soffice();
  if (!aanwezig('pdftotext (poppler-utils)', spawnSync('which', ['pdftotext']).status === 0) || !lo) return undefined;
  const r = spawnSync('sh', ['-c', `ls "$(dirname "$(readlink -f "$(command -v ${lo})")")"/libswlo.so`]);
  return aanwezig('LibreOffice Writer (libreoffice-writer-nogui)', r.status === 0) ? lo : undefined;
}

/**
 * Lets LibreOffice Calc open the CSV with the given separator (UTF-8) and save it again as a
 * comma-separated, fully quoted CSV; returns the rows Calc saw, read back with Python.
 */
export function leesMetCalc(pad: string, scheiding: ';' | ','): string[][] {
  const uit = tijdelijkeMap();
  const sep = scheiding.charCodeAt(0);
  const r = spawnSync(
    soffice()!,
    [LO_PROFIEL, '--headless', `--infilter=CSV:${sep},34,76,1`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true', '--outdir', uit, pad],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`LibreOffice kon de CSV niet openen: ${r.stderr}`);
  const naam = pad.split('/').pop()!;
  return leesMetPython({ pad: join(uit, naam) }, ',').rijen;
}
