// Key builders: the only place that knows how entities map onto pk/sk and index keys.
export const keys = {
  municipality: (id: string) => ({ pk: `MUNI#${id}`, sk: 'PROFILE' }),
  district: (municipalityId: string, districtId: string) => ({ pk: `MUNI#${municipalityId}`, sk: `DISTRICT#${districtId}` }),
  districtPrefix: 'DISTRICT#',
  postcodeArea: (pc4: string, municipalityId: string) => ({ pk: `POSTCODE#${pc4}`, sk: `MUNI#${municipalityId}` }),
  volunteer: (id: string) => ({ pk: `VOLUNTEER#${id}`, sk: 'PROFILE' }),
  volunteersInDistrict: (districtId: string, status: string, id: string) => ({
    gsi1pk: `DISTRICT#${districtId}#VOLUNTEERS`,
    gsi1sk: `${status}#${id}`,
  }),
  initiative: (id: string) => ({ pk: `INITIATIVE#${id}`, sk: 'PROFILE' }),
  initiativesInDistrict: (districtId: string, id: string) => ({
    gsi1pk: `DISTRICT#${districtId}#INITIATIVES`,
    gsi1sk: id,
  }),
  staff: (id: string) => ({ pk: `STAFF#${id}`, sk: 'PROFILE' }),
} as const;
