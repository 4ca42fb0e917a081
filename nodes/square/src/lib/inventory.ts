/** Square inventory states a count or an adjustment may name. */
export const INVENTORY_STATES = [
  'NONE',
  'IN_STOCK',
  'SOLD',
  'RETURNED_BY_CUSTOMER',
  'RESERVED_FOR_SALE',
  'SOLD_ONLINE',
  'ORDERED_FROM_VENDOR',
  'RECEIVED_FROM_VENDOR',
  'IN_TRANSIT_TO',
  'WASTE',
  'UNLINKED_RETURN',
  'COMPOSED',
  'DECOMPOSED',
  'SUPPORTED_BY_NEWER_VERSION',
  'IN_TRANSIT',
] as const;
