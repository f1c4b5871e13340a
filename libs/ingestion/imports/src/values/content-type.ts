import type { Post } from '@herald/events';

import { normalizeHeader } from './normalize-header.ts';

export type ContentType = Post['contentType'];

// Words the networks use for a post's kind, in the export languages; matched on the normalised cell, word by word.
const WORDS: ReadonlyArray<[ContentType, readonly string[]]> = [
  ['carousel', ['carousel', 'carrousel', 'carrusel', 'carrossel', 'karussell', 'album', 'multi photo', 'document']],
  ['reel', ['reel', 'reels']],
  ['story', ['story', 'stories', 'historia', 'historias', 'storys']],
  ['live', ['live', 'en vivo', 'en direct', 'ao vivo', 'live video']],
  ['video', ['video', 'videos', 'vidéo', 'vidéos', 'vídeo', 'vídeos']],
  ['image', ['image', 'images', 'photo', 'photos', 'picture', 'foto', 'fotos', 'imagen', 'imagenes', 'imagem', 'imagens', 'bild', 'bilder']],
  ['link', ['link', 'links', 'article', 'articles', 'enlace', 'enlaces', 'lien', 'liens', 'artikel', 'artigo']],
  ['text', ['text', 'status', 'texte', 'texto', 'estado', 'statut', 'textbeitrag']],
];

const LOOKUP = new Map<string, ContentType>();
for (const [type, words] of WORDS) for (const w of words) LOOKUP.set(normalizeHeader(w), type);

/**
 * `IG reel`, `Photos`, `Carrossel do IG`, `Video`: the first known word decides. An unknown kind is `other`, not a
 * rejection — a new post type on the network must not block an import. Empty cells give `undefined`.
 */
export function parseContentType(raw: string): ContentType | undefined {
  if (raw === '') return undefined;
  const normal = normalizeHeader(raw);
  if (normal === '') return undefined;
  const whole = LOOKUP.get(normal);
  if (whole) return whole;
  const words = normal.split(' ');
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? LOOKUP.get(`${words[i]} ${words[i + 1]}`) : undefined;
    if (two) return two;
    const one = LOOKUP.get(words[i] ?? '');
    if (one) return one;
  }
  return 'other';
}
