import { createHandler } from '../create-handler';
import { imageCleaner } from '../../images';

/** Takes uploads (suggestion.uploadPhoto), so it re-encodes them. */
export const main = createHandler('suggestion', { images: imageCleaner });
