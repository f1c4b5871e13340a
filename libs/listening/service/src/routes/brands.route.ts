import { Type } from 'typebox';

import { isUniqueViolation, type Brand, type ListeningDb } from '@herald/listening-data-access';
import { AppError, errorResponse, notFound, type ServiceApp } from '@herald/service-kit';

import { BrandInputSchema, BrandListSchema, BrandParamsSchema, BrandSavedSchema, BrandSchema, type BrandInput } from '../api/brands.schema.ts';
import { forgetBrand, rematchBrand } from '../brands/rematch-brand.ts';

const toApi = (b: Brand) => ({
  id: b.id,
  workspaceId: b.workspaceId,
  name: b.name,
  kind: b.kind as 'own' | 'competitor',
  keywords: b.keywords,
  products: b.products,
  campaigns: b.campaigns,
  excludes: b.excludes,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

/** Trimmed, blank and repeated entries dropped: the set is what matching uses. */
const clean = (list: readonly string[]) => [...new Set(list.map((k) => k.trim()).filter((k) => k.length > 0))];

const fieldsOf = (input: BrandInput) => ({
  name: input.name.trim(),
  kind: input.kind,
  keywords: clean(input.keywords),
  products: clean(input.products),
  campaigns: clean(input.campaigns),
  excludes: clean(input.excludes),
});

const noBrand = errorResponse('No brand with this id in the workspace (NOT_FOUND)');
const nameTaken = errorResponse('The workspace already has a brand of this name (BRAND_EXISTS)');

const duplicate = (name: string) => new AppError('BRAND_EXISTS', `the workspace already has a brand named "${name}"`, 409);

/** Keyword sets of a workspace's own brands and competitors: CRUD, matched against every mention. */
export function registerBrandsRoutes(app: ServiceApp, db: ListeningDb): void {
  const find = async (workspaceId: string, brandId: string) => {
    const brand = await db.prisma.brand.findFirst({ where: { id: brandId, workspaceId } });
    if (!brand) throw notFound(`brand ${brandId}`);
    return brand;
  };

  app.get(
    '/v1/listening/brands',
    {
      config: { scope: 'read' },
      schema: { operationId: 'listBrands', tags: ['brands'], summary: "The workspace's brands and competitors, by name", response: { 200: BrandListSchema } },
    },
    async (request) => {
      const brands = await db.prisma.brand.findMany({ where: { workspaceId: request.principal.workspaceId }, orderBy: { name: 'asc' } });
      return { items: brands.map(toApi) };
    },
  );

  app.post(
    '/v1/listening/brands',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'createBrand',
        tags: ['brands'],
        summary: 'Adds a brand or competitor; its keywords are matched against stored and future mentions',
        body: BrandInputSchema,
        response: { 201: BrandSavedSchema, 409: nameTaken },
      },
    },
    async (request, reply) => {
      const fields = fieldsOf(request.body);
      let brand: Brand;
      try {
        brand = await db.prisma.brand.create({ data: { workspaceId: request.principal.workspaceId, ...fields } });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicate(fields.name);
        throw error;
      }
      const rematchedMentions = await rematchBrand(db, brand);
      return reply.status(201).send({ brand: toApi(brand), rematchedMentions });
    },
  );

  app.get(
    '/v1/listening/brands/:brandId',
    {
      config: { scope: 'read' },
      schema: { operationId: 'getBrand', tags: ['brands'], summary: 'One brand', params: BrandParamsSchema, response: { 200: BrandSchema, 404: noBrand } },
    },
    async (request) => toApi(await find(request.principal.workspaceId, request.params.brandId)),
  );

  app.put(
    '/v1/listening/brands/:brandId',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'replaceBrand',
        tags: ['brands'],
        summary: "Replaces a brand's name, kind and keywords; stored mentions are matched again",
        params: BrandParamsSchema,
        body: BrandInputSchema,
        response: { 200: BrandSavedSchema, 404: noBrand, 409: nameTaken },
      },
    },
    async (request) => {
      await find(request.principal.workspaceId, request.params.brandId);
      const fields = fieldsOf(request.body);
      let brand: Brand;
      try {
        brand = await db.prisma.brand.update({ where: { id: request.params.brandId }, data: fields });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicate(fields.name);
        throw error;
      }
      return { brand: toApi(brand), rematchedMentions: await rematchBrand(db, brand) };
    },
  );

  app.delete(
    '/v1/listening/brands/:brandId',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'deleteBrand',
        tags: ['brands'],
        summary: 'Removes a brand and its matches',
        params: BrandParamsSchema,
        response: { 204: Type.Null(), 404: noBrand },
      },
    },
    async (request, reply) => {
      const brand = await find(request.principal.workspaceId, request.params.brandId);
      await db.prisma.brand.delete({ where: { id: brand.id } });
      await forgetBrand(db, brand);
      return reply.status(204).send(null);
    },
  );
}
