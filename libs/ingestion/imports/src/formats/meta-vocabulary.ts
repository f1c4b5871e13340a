import type { LocaleConventions, LocalizedHeaders } from './export-format.ts';

/**
 * Column names shared by Meta Business Suite's Facebook and Instagram post exports, in the UI languages Herald
 * supports. English names were checked against public samples of the export; the translations follow Meta's UI
 * vocabulary and have not been checked against a real localised file — add spellings here as files turn up.
 */
export const META_LOCALES: Record<'en' | 'es' | 'fr' | 'de' | 'pt', LocaleConventions> = {
  en: { dateFormats: ['M/D/YYYY H:mm', 'M/D/YYYY', 'ISO'], decimalSeparator: '.' },
  es: { dateFormats: ['D/M/YYYY H:mm', 'D/M/YYYY', 'ISO'], decimalSeparator: ',' },
  fr: { dateFormats: ['D/M/YYYY H:mm', 'D/M/YYYY', 'ISO'], decimalSeparator: ',' },
  de: { dateFormats: ['D.M.YYYY H:mm', 'D.M.YYYY', 'ISO'], decimalSeparator: ',' },
  pt: { dateFormats: ['D/M/YYYY H:mm', 'D/M/YYYY', 'ISO'], decimalSeparator: ',' },
};

export const META_POST_ID: LocalizedHeaders = {
  en: ['Post ID'],
  es: ['Identificador de la publicación', 'ID de la publicación'],
  fr: ['Identifiant de la publication', 'ID de la publication'],
  de: ['Beitrags-ID'],
  pt: ['Identificação da publicação', 'ID da publicação', 'ID do post'],
};

export const META_PUBLISH_TIME: LocalizedHeaders = {
  en: ['Publish time'],
  es: ['Hora de publicación'],
  fr: ['Heure de publication'],
  de: ['Veröffentlichungszeitpunkt', 'Veröffentlichungszeit'],
  pt: ['Horário de publicação', 'Hora de publicação'],
};

/** The post's message; reels and videos may carry only a title, which is the fallback cell. */
export const META_TEXT: LocalizedHeaders = {
  en: ['Description', 'Title'],
  es: ['Descripción', 'Título'],
  fr: ['Description', 'Titre'],
  de: ['Beschreibung', 'Titel'],
  pt: ['Descrição', 'Título'],
};

export const META_PERMALINK: LocalizedHeaders = {
  en: ['Permalink'],
  es: ['Enlace permanente'],
  fr: ['Lien permanent'],
  de: ['Permalink'],
  pt: ['Link permanente'],
};

export const META_POST_TYPE: LocalizedHeaders = {
  en: ['Post type'],
  es: ['Tipo de publicación'],
  fr: ['Type de publication'],
  de: ['Beitragstyp'],
  pt: ['Tipo de publicação', 'Tipo de post'],
};

/** Meta replaced Impressions with Views in 2025; a file with both keeps Impressions. */
export const META_IMPRESSIONS: LocalizedHeaders = {
  en: ['Impressions', 'Views'],
  es: ['Impresiones', 'Visualizaciones'],
  fr: ['Impressions', 'Vues'],
  de: ['Impressionen', 'Aufrufe'],
  pt: ['Impressões', 'Visualizações'],
};

export const META_REACH: LocalizedHeaders = { en: ['Reach'], es: ['Alcance'], fr: ['Couverture'], de: ['Reichweite'], pt: ['Alcance'] };

export const META_COMMENTS: LocalizedHeaders = {
  en: ['Comments'],
  es: ['Comentarios'],
  fr: ['Commentaires'],
  de: ['Kommentare'],
  pt: ['Comentários'],
};

export const META_SHARES: LocalizedHeaders = {
  en: ['Shares'],
  es: ['Veces que se compartió', 'Compartidos'],
  fr: ['Partages'],
  de: ['Geteilte Inhalte', 'Teilen'],
  pt: ['Compartilhamentos'],
};
