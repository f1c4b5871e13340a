import { Type, type Static } from 'typebox';

const Keywords = (description: string) => Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200, default: [], description });

export const BrandKindSchema = Type.Union([Type.Literal('own'), Type.Literal('competitor')]);

export const BrandInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Shown in reports; also matched as a keyword' }),
    kind: BrandKindSchema,
    keywords: Keywords('Other names and handles of the brand ("@acme", "Acme Cloud")'),
    products: Keywords('Product names'),
    campaigns: Keywords('Campaign names and hashtags'),
    excludes: Keywords('Phrases that look like the brand but are not ("apple pie")'),
  },
  { additionalProperties: false },
);
export type BrandInput = Static<typeof BrandInputSchema>;

export const BrandSchema = Type.Object({
  id: Type.String(),
  workspaceId: Type.String(),
  name: Type.String(),
  kind: BrandKindSchema,
  keywords: Type.Array(Type.String()),
  products: Type.Array(Type.String()),
  campaigns: Type.Array(Type.String()),
  excludes: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const BrandSavedSchema = Type.Object({
  brand: BrandSchema,
  rematchedMentions: Type.Integer({ description: 'Stored mentions whose match with this brand changed: the new keywords apply to past mentions too' }),
});

export const BrandParamsSchema = Type.Object(
  { brandId: Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' }) },
  { additionalProperties: false },
);

export const BrandListSchema = Type.Object({ items: Type.Array(BrandSchema) });
