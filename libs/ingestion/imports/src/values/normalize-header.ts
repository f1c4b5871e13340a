/**
 * Header cells compared without case, accents or punctuation: `„Gefällt mir“-Angaben`, `Reactions, Comments and
 * Shares` and `Duration (sec)` survive the quoting and spelling differences between exports and spreadsheet re-saves.
 */
export function normalizeHeader(cell: string): string {
  return cell
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
