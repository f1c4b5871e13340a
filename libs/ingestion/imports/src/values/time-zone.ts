const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes to add to UTC to get the zone's wall clock at `utcMs`. */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(utcMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((wall - (utcMs - (((utcMs % 1000) + 1000) % 1000))) / 60_000);
}

/**
 * The instant at which the zone's clocks show `wallMs` (a wall time written as if it were UTC). In a daylight-saving
 * gap the time is moved forward, in an overlap the earlier instant wins — the `compatible` rule of Temporal and of
 * most calendars.
 */
export function wallTimeToInstant(wallMs: number, zone: string): { instant: number; offsetMinutes: number } {
  const before = zoneOffsetMinutes(zone, wallMs - 86_400_000);
  const after = zoneOffsetMinutes(zone, wallMs + 86_400_000);
  const candidates = [...new Set([before, after, zoneOffsetMinutes(zone, wallMs)])]
    .map((offset) => ({ instant: wallMs - offset * 60_000, offsetMinutes: offset }))
    .filter((c) => zoneOffsetMinutes(zone, c.instant) === c.offsetMinutes)
    .sort((a, b) => a.instant - b.instant);
  const first = candidates[0];
  if (first) return first;
  // The wall time falls in a gap: read it with the offset in force before the gap, which lands after it.
  return { instant: wallMs - before * 60_000, offsetMinutes: zoneOffsetMinutes(zone, wallMs - before * 60_000) };
}
