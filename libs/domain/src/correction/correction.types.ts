export type { EventCorrected as CorrectionEvent } from './correction.events.js';
