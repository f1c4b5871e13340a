export interface EventIssue {
  path: string;
  message: string;
}

/** A message that is not a valid event. Never retriable: sending it again cannot fix it. */
export class InvalidEventError extends Error {
  readonly code = 'EVENT_INVALID';
  readonly retriable = false;
  constructor(
    message: string,
    readonly issues: EventIssue[] = [],
  ) {
    super(issues.length ? `${message}: ${issues.map((i) => `${i.path || '/'} ${i.message}`).join('; ')}` : message);
    this.name = 'InvalidEventError';
  }
}
