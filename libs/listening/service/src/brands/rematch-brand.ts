import { Prisma, type Brand, type ListeningDb } from '@herald/listening-data-access';
import { compileBrandMatcher } from '@herald/listening-signals';

const PAGE = 500;

/**
 * Applies a brand's current keywords to the workspace's stored mentions: adds the brand to the
 * mentions that now name it and removes it from those that no longer do. Returns how many changed.
 * Read page by page in id order, so memory stays bounded whatever the number of mentions.
 */
export async function rematchBrand(
  db: ListeningDb,
  brand: Pick<Brand, 'id' | 'workspaceId' | 'name' | 'keywords' | 'products' | 'campaigns' | 'excludes'>,
): Promise<number> {
  const matcher = compileBrandMatcher([brand]);
  const table = Prisma.raw(`"${db.schema}"."mention_analyses"`);
  let changed = 0;
  let after: string | undefined;
  for (;;) {
    const page = await db.prisma.mentionAnalysis.findMany({
      where: { workspaceId: brand.workspaceId, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, text: true, brandIds: true },
    });
    if (page.length === 0) break;
    after = page.at(-1)?.id;
    const add: string[] = [];
    const remove: string[] = [];
    for (const m of page) {
      const names = matcher.match(m.text).length > 0;
      const had = m.brandIds.includes(brand.id);
      if (names && !had) add.push(m.id);
      else if (!names && had) remove.push(m.id);
    }
    if (add.length > 0) {
      await db.prisma
        .$executeRaw`UPDATE ${table} SET brand_ids = array_append(brand_ids, ${brand.id}) WHERE id = ANY(${add}::uuid[]) AND NOT (${brand.id} = ANY(brand_ids))`;
    }
    if (remove.length > 0) {
      await db.prisma.$executeRaw`UPDATE ${table} SET brand_ids = array_remove(brand_ids, ${brand.id}) WHERE id = ANY(${remove}::uuid[])`;
    }
    changed += add.length + remove.length;
    if (page.length < PAGE) break;
  }
  return changed;
}

/** Removes a deleted brand from every mention of its workspace. */
export async function forgetBrand(db: ListeningDb, brand: Pick<Brand, 'id' | 'workspaceId'>): Promise<void> {
  const table = Prisma.raw(`"${db.schema}"."mention_analyses"`);
  await db.prisma
    .$executeRaw`UPDATE ${table} SET brand_ids = array_remove(brand_ids, ${brand.id}) WHERE workspace_id = ${brand.workspaceId} AND ${brand.id} = ANY(brand_ids)`;
}
