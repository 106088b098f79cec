// Key builders: the only place that knows how entities map onto pk/sk and index keys.
export const keys = {
  municipality: (id: string) => ({ pk: `MUNI#${id}`, sk: 'PROFILE' }),
  district: (municipalityId: string, districtId: string) => ({ pk: `MUNI#${municipalityId}`, sk: `DISTRICT#${districtId}` }),
  districtPrefix: 'DISTRICT#',
  postcodeArea: (pc4: string, municipalityId: string) => ({ pk: `POSTCODE#${pc4}`, sk: `MUNI#${municipalityId}` }),
  volunteer: (id: string) => ({ pk: `VOLUNTEER#${id}`, sk: 'PROFILE' }),
  /** One item per district x topic a volunteer covers: candidates are found per pool, never by Scan. */
  volunteerPoolItem: (id: string, districtId: string, topicId: string) => ({ pk: `VOLUNTEER#${id}`, sk: `POOL#${districtId}#${topicId}` }),
  volunteerPool: (districtId: string, topicId: string) => `POOL#${districtId}#${topicId}`,
  /** Sort key in a pool: status first (only approved ones are read), then a fixed random slot for rotation. */
  volunteerPoolSort: (status: string, slot: string, id: string) => `${status}#${slot}#${id}`,
  initiative: (id: string) => ({ pk: `INITIATIVE#${id}`, sk: 'PROFILE' }),
  initiativesInDistrict: (districtId: string, id: string) => ({
    gsi1pk: `DISTRICT#${districtId}#INITIATIVES`,
    gsi1sk: id,
  }),
  staff: (id: string) => ({ pk: `STAFF#${id}`, sk: 'PROFILE' }),
  requestHead: (id: string) => ({ pk: `REQUEST#${id}`, sk: 'HEAD' }),
  requestEvent: (id: string, seq: number) => ({ pk: `REQUEST#${id}`, sk: `EVENT#${String(seq).padStart(6, '0')}` }),
  requestEventPrefix: 'EVENT#',
  /** Requests waiting on a deadline, ordered by deadline: one partition, what the safety-net sweep reads. */
  due: (kind: string, at: string, requestId: string) => ({ gsi1pk: 'DUE', gsi1sk: `${at}#${kind}#${requestId}` }),
  duePartition: 'DUE',
  idempotency: (key: string) => ({ pk: `IDEMPOTENCY#${key}`, sk: 'REQUEST' }),
  outboxPartition: 'OUTBOX',
  outbox: (at: string, id: string) => ({ pk: keys.outboxPartition, sk: `${at}#${id}` }),
} as const;
