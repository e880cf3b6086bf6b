// Identifiers every service checks at its edge: ids are UUIDs (any version; PostgreSQL's uuid type accepts the same
// textual form), so a malformed id is refused as INVALID_ARGUMENT/NOT_FOUND before it reaches a query.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
