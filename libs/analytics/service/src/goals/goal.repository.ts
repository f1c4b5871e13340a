import type { AnalyticsDb, Goal } from '@herald/analytics-data-access';

/** A goal as stored: its period already resolved to instants in its zone. */
export interface GoalRecord {
  name: string | null;
  metric: string;
  target: number;
  periodFrom: Date;
  periodTo: Date;
  timeZone: string;
  network: string | null;
  campaign: string | null;
}

export const createGoal = (db: AnalyticsDb, workspaceId: string, goal: GoalRecord): Promise<Goal> => db.prisma.goal.create({ data: { workspaceId, ...goal } });

/** The workspace's goals, the soonest ending first. */
export const listGoals = (db: AnalyticsDb, workspaceId: string): Promise<Goal[]> =>
  db.prisma.goal.findMany({ where: { workspaceId }, orderBy: [{ periodTo: 'asc' }, { createdAt: 'asc' }] });

/** Null for another workspace's goal as for none: a key never learns of goals it cannot read. */
export const findGoal = (db: AnalyticsDb, workspaceId: string, id: string): Promise<Goal | null> => db.prisma.goal.findFirst({ where: { id, workspaceId } });

export async function replaceGoal(db: AnalyticsDb, workspaceId: string, id: string, goal: GoalRecord): Promise<Goal | null> {
  const { count } = await db.prisma.goal.updateMany({ where: { id, workspaceId }, data: goal });
  return count ? findGoal(db, workspaceId, id) : null;
}

export async function deleteGoal(db: AnalyticsDb, workspaceId: string, id: string): Promise<boolean> {
  const { count } = await db.prisma.goal.deleteMany({ where: { id, workspaceId } });
  return count > 0;
}
