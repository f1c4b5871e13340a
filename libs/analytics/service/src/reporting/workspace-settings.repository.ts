import type { AnalyticsDb } from '@herald/analytics-data-access';
import { DEFAULT_TIME_ZONE } from '@herald/period';

export interface WorkspaceSettings {
  workspaceId: string;
  /** IANA zone the workspace's calendar periods are read in. */
  timeZone: string;
}

/** The workspace's settings; a workspace that never set any reports in UTC. */
export async function loadWorkspaceSettings(db: AnalyticsDb, workspaceId: string): Promise<WorkspaceSettings> {
  const row = await db.prisma.workspaceSettings.findUnique({ where: { workspaceId } });
  return { workspaceId, timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE };
}

export async function saveWorkspaceSettings(db: AnalyticsDb, settings: WorkspaceSettings): Promise<WorkspaceSettings> {
  const row = await db.prisma.workspaceSettings.upsert({
    where: { workspaceId: settings.workspaceId },
    create: settings,
    update: { timeZone: settings.timeZone },
  });
  return { workspaceId: row.workspaceId, timeZone: row.timeZone };
}
