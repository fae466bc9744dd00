/**
 * jsdom lacks TextDecoder/TextEncoder, which the real core (run in-process behind the simulated
 * cloud calls) needs: image-size reads cover images with them. Node has both; hand them over.
 */
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextDecoder, TextEncoder });
