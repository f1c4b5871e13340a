import type { ExportFormat } from './export-format.ts';
import {
  META_COMMENTS,
  META_IMPRESSIONS,
  META_LOCALES,
  META_PERMALINK,
  META_POST_ID,
  META_POST_TYPE,
  META_PUBLISH_TIME,
  META_REACH,
  META_SHARES,
  META_TEXT,
} from './meta-vocabulary.ts';

/** Meta Business Suite › Insights › Content › Export, Instagram posts (feed, reels, carousels). */
export const instagramPostsV1: ExportFormat = {
  id: 'meta-instagram-posts',
  version: 1,
  family: 'instagram',
  network: 'instagram',
  name: 'Meta Business Suite Instagram posts export',
  notes: [
    'No real file in the shared samples: header taken from public samples of the export (Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Impressions|Views,Reach,Likes,Shares,Follows,Comments,Saves,Plays).',
    'Publish time as for Facebook: "MM/DD/YYYY HH:mm" in English, day first elsewhere, zone from the timeZone option.',
    'Post type values ("IG image", "IG carousel", "IG reel") give contentType.',
    'videoViews is Plays (reels); Views (2025) is read as impressions when Impressions is gone.',
    'Not mapped: Follows (an account metric), Duration, Data comment, Date ("Lifetime").',
    "Non-English headers are from Meta's UI vocabulary, not yet checked against a real localised file.",
  ],
  locales: META_LOCALES,
  columns: {
    networkPostId: META_POST_ID,
    publishedAt: META_PUBLISH_TIME,
    text: META_TEXT,
    link: META_PERMALINK,
    contentType: META_POST_TYPE,
    impressions: META_IMPRESSIONS,
    reach: META_REACH,
    likes: { en: ['Likes'], es: ['Me gusta'], fr: ['J’aime'], de: ['„Gefällt mir“-Angaben', 'Gefällt mir'], pt: ['Curtidas'] },
    comments: META_COMMENTS,
    shares: META_SHARES,
    saves: { en: ['Saves'], es: ['Veces que se guardó', 'Guardados'], fr: ['Enregistrements'], de: ['Gespeicherte Beiträge'], pt: ['Salvamentos'] },
    videoViews: { en: ['Plays'], es: ['Reproducciones'], fr: ['Lectures'], de: ['Wiedergaben'], pt: ['Reproduções'] },
    profileClicks: { en: ['Profile visits'], es: ['Visitas al perfil'], fr: ['Visites du profil'], de: ['Profilaufrufe'], pt: ['Visitas ao perfil'] },
  },
  required: ['networkPostId', 'publishedAt'],
  markers: [
    {
      en: ['Account ID', 'Account username'],
      es: ['Identificador de la cuenta', 'Nombre de usuario de la cuenta'],
      fr: ['Identifiant du compte', 'Nom d’utilisateur du compte'],
      de: ['Konto-ID', 'Konto-Benutzername'],
      pt: ['Identificação da conta', 'Nome de usuário da conta'],
    },
  ],
  idPattern: /^\d+$/,
  defaultContentType: 'image',
};
