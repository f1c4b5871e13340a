import type { AnalyticsDb, CompetitorProfile } from '@herald/analytics-data-access';

export const listCompetitorProfiles = (db: AnalyticsDb, workspaceId: string): Promise<CompetitorProfile[]> =>
  db.prisma.competitorProfile.findMany({ where: { workspaceId }, orderBy: [{ competitor: 'asc' }, { network: 'asc' }, { profileId: 'asc' }] });

/** Marks a profile as a competitor's (or moves it to another competitor): from then on it is out of the own totals. */
export const markCompetitorProfile = (db: AnalyticsDb, profile: { workspaceId: string; network: string; profileId: string; competitor: string }) =>
  db.prisma.competitorProfile.upsert({
    where: { workspaceId_network_profileId: { workspaceId: profile.workspaceId, network: profile.network, profileId: profile.profileId } },
    create: profile,
    update: { competitor: profile.competitor },
  });

export async function unmarkCompetitorProfile(db: AnalyticsDb, profile: { workspaceId: string; network: string; profileId: string }): Promise<boolean> {
  const { count } = await db.prisma.competitorProfile.deleteMany({ where: profile });
  return count > 0;
}
