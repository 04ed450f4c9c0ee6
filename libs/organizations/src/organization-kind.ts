/** What sort of body an organization is (the glossary of DOMAIN.md). */
export enum OrganizationKind {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  PARTY_COMMISSION = 'PARTY_COMMISSION',
  OFFICE = 'OFFICE',
  FATHERLAND_FRONT = 'FATHERLAND_FRONT',
  SOCIO_POLITICAL = 'SOCIO_POLITICAL',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  PEOPLES_COUNCIL = 'PEOPLES_COUNCIL',
  DEPARTMENT = 'DEPARTMENT',
  ARMED_FORCE = 'ARMED_FORCE',
  EXTERNAL = 'EXTERNAL',
}

/** Where in the administrative hierarchy a body sits. */
export enum OrganizationLevel {
  CENTRAL = 'CENTRAL',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
