import { randomBytes } from 'node:crypto';

/** Ids the core makes for records: 12 URL-safe characters (fits a QR scene). */
export const newId = () => randomBytes(9).toString('base64url');
