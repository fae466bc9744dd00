import { createHandler } from '../create-handler';
import { imageCleaner } from '../../images';

/** Takes uploads (notice.uploadCover), so it re-encodes them. */
export const main = createHandler('notice', { images: imageCleaner });
