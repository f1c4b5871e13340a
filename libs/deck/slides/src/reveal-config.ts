// reveal.js 6 ships `dist/reveal.d.ts` importing './config' without an extension, which
// NodeNext cannot resolve from an ESM package: `import type { RevealConfig } from 'reveal.js'`
// silently becomes `any`. The config declarations are self-contained, so they are imported
// by path (all dependencies are hoisted to the workspace root). `reveal-config.spec.ts`
// fails the typecheck if this ever degrades to `any` again.
// eslint-disable-next-line @nx/enforce-module-boundaries -- type-only; reveal.js's exports map hides dist/config.d.ts
export type { RevealConfig } from '../../../../node_modules/reveal.js/dist/config.js';
