import { DOELWITTEN } from './doelwitten.js';
import { toetsVijandigeInvoer } from './vijandig.js';

toetsVijandigeInvoer(DOELWITTEN.filter((d) => /^(zaak|actie|matrix)\b/.test(d.commando)));
