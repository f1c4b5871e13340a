import { describe, expect, it } from 'vitest';

import { parseContentType } from './content-type.ts';

describe('parseContentType', () => {
  it('maps the networks’ post kinds in several languages', () => {
    expect(parseContentType('IG reel')).toBe('reel');
    expect(parseContentType('IG Karussell')).toBe('carousel');
    expect(parseContentType('Photos')).toBe('image');
    expect(parseContentType('Fotos')).toBe('image');
    expect(parseContentType('Links')).toBe('link');
    expect(parseContentType('Enlaces')).toBe('link');
    expect(parseContentType('Status')).toBe('text');
    expect(parseContentType('Vídeo')).toBe('video');
    expect(parseContentType('Live video')).toBe('live');
    expect(parseContentType('Document')).toBe('carousel');
  });

  it('calls an unknown kind other and an empty one undefined', () => {
    expect(parseContentType('Hologram')).toBe('other');
    expect(parseContentType('')).toBeUndefined();
  });
});
