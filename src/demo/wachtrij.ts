/**
 * The clock of the demo year: what happens is planned as events at moments in the past and then
 * done in time order, each through kvz's own use-cases with an actor whose clock is that moment. So
 * every rule (no forwarding before receipt, numbering per year, history, audit) applies as it would
 * have, and the audit log reads as a year of work. Events may plan further events.
 */
import type { Actor } from '../store/audit.js';
import { geenWerkdag } from '../domain/feestdagen.js';
import { dagVan, instantVan, plusDagen, type Datum } from '../domain/tijd.js';

export interface Gebeurtenis {
  op: number;
  volgorde: number;
  gebruiker: string;
  commando: string;
  doe: (actor: Actor) => unknown;
}

export class Wachtrij {
  private rij: Gebeurtenis[] = [];
  private teller = 0;
  private klok = -Infinity;

  constructor(readonly nu: Date) {}

  /** Plans `doe` at `op`; never before the event that is running, and dropped when it lies after now. */
  plan(op: Date, gebruiker: string, commando: string, doe: (actor: Actor) => unknown): void {
    const tijd = Math.max(op.getTime(), this.klok);
    if (tijd > this.nu.getTime()) return;
    const g = { op: tijd, volgorde: this.teller++, gebruiker, commando, doe };
    let lo = 0;
    let hi = this.rij.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rij[mid]!.op <= tijd) lo = mid + 1;
      else hi = mid;
    }
    this.rij.splice(lo, 0, g);
  }

  /** Does every event in time order, including those that events plan. */
  async voerUit(): Promise<number> {
    let aantal = 0;
    for (let g = this.rij.shift(); g; g = this.rij.shift()) {
      this.klok = g.op;
      await g.doe({ gebruiker: g.gebruiker, nu: new Date(g.op), commando: g.commando });
      aantal++;
    }
    return aantal;
  }
}

/** mulberry32: small, fast and the same on every machine, so the demo is the same on every run. */
export function toeval(zaad: number) {
  let s = zaad >>> 0;
  const getal = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    getal,
    kans: (p: number) => getal() < p,
    tussen: (min: number, max: number) => min + Math.floor(getal() * (max - min + 1)),
    kies: <T>(lijst: readonly T[]): T => lijst[Math.floor(getal() * lijst.length)]!,
    /** One of `opties`, each as likely as its weight. */
    gewogen: <T>(opties: readonly (readonly [T, number])[]): T => {
      let rest = getal() * opties.reduce((s, [, w]) => s + w, 0);
      for (const [waarde, w] of opties) if ((rest -= w) < 0) return waarde;
      return opties[opties.length - 1]![0];
    },
  };
}

export type Toeval = ReturnType<typeof toeval>;

export function isWerkdag(datum: Datum): boolean {
  return geenWerkdag(datum) === undefined;
}

/** The first working day on or after `datum`. */
export function werkdagVanaf(datum: Datum): Datum {
  let d = datum;
  while (!isWerkdag(d)) d = plusDagen(d, 1);
  return d;
}

/** `minuten` after `op`. */
export function later(op: Date, minuten: number): Date {
  return new Date(op.getTime() + minuten * 60_000);
}

/**
 * A moment on a working day at or after `op`, within office hours (08:30–17:00 Amsterdam): `op`
 * itself, or `spreiding` minutes after 08:45 on the next working day (not everything at 08:45).
 */
export function binnenKantoortijd(op: Date, spreiding = 0): Date {
  const dag = dagVan(op);
  const open = instantVan(dag, '08:30');
  const dicht = instantVan(dag, '17:00');
  if (isWerkdag(dag) && op >= open && op < dicht) return op;
  const volgende = werkdagVanaf(isWerkdag(dag) && op < open ? dag : plusDagen(dag, 1));
  return later(instantVan(volgende, '08:45'), spreiding);
}
