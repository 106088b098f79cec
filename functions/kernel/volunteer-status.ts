// A volunteer's standing, the one word matching, the feed and the coordinator share. Which change is allowed
// when is the volunteers context's table (volunteers/domain/volunteer.ts).
export const VOLUNTEER_STATUSES = ['pending', 'approved', 'paused', 'rejected', 'withdrawn'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
