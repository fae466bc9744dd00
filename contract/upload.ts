/**
 * Cloud storage paths both sides spell (types only; each side writes the name in one constant
 * typed by these, so renaming one here breaks the build wherever it is spelled).
 */

/**
 * Where the mini-program uploads a picked image (`<folder>/<kind folder>/<community>/<name>`)
 * before the server has checked and registered it. A CloudBase storage lifecycle rule deletes
 * everything under it a day after upload (README, deploying; docs/security.md): a file never
 * registered is not kept. Registering writes the cleaned copy under the kind's folder.
 */
export type PendingUploadFolder = 'pending-uploads';
