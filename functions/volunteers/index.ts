// The volunteers context: signing up, the coordinator's approval, the feed of fitting requests, claims and concerns, daily digests.
// Its one public face: other contexts and the apps import from here, never from its folders.
export * from './domain/volunteer';
export * from './app/ports';
export { ClaimDesk, type ClaimedRequest } from './app/claims';
export { VolunteerFeed, FEED_READ_PER_DISTRICT, FEED_REASON_CODES, FEED_SIZE, type FeedReasonCode } from './app/feed';
export type { FeedCard as VolunteerFeedCard } from './app/feed';
export { VolunteerDesk, type CoordinatorOverview, type PoolCounts } from './app/volunteer-desk';
export { sendsNow, writeDailyDigests } from './app/digest';
