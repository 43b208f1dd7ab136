import { DOELWITTEN } from './doelwitten.js';
import { toetsVijandigeInvoer } from './vijandig.js';

toetsVijandigeInvoer(DOELWITTEN.filter((d) => /^(import|export|rapport|demo)\b/.test(d.commando)));
