export const FORMATS = ['pdf', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];
