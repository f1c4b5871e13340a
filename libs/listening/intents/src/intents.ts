/** What a mention asks of the brand, as a social team triages it. */
export const INTENTS = ['sales_inquiry', 'support_issue', 'feature_request', 'praise', 'complaint', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

export const isIntent = (value: unknown): value is Intent => typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
