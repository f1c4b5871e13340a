/** The `source` of the events this service publishes. */
export const LISTENING_SOURCE = 'listening';
