import { createHandler } from '../create-handler';

export const main = createHandler('volunteer');
