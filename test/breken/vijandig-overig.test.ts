import { DOELWITTEN } from './doelwitten.js';
import { toetsVijandigeInvoer } from './vijandig.js';

const ELDERS = /^(melding|zaak|actie|matrix|overleg|import|export|rapport|demo)\b/;
toetsVijandigeInvoer(DOELWITTEN.filter((d) => !ELDERS.test(d.commando)));
