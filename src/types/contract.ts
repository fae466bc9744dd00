// The one place the client reaches into contract/: types only, so no server code is bundled.
export type * from '../../contract';
