/**
 * Shared by image-picker.tsx and image-picker.weapp.tsx (a suffixed file cannot import its base),
 * and by the features that set a picker up (notice covers, suggestion photos).
 */

/** A picked and uploaded image. */
export interface PickedImage {
  /** What the feature's save action takes: a local-host media path or a cloud fileID. */
  ref: string;
  /** What the form shows meanwhile. */
  preview: string;
}

/** What differs between the pickers: words, and where the mini-program stores the image. */
export interface ImagePickerSetup {
  labels: {
    /** The button when nothing is picked yet, e.g. 选择封面图片. */
    pick: string;
    /** The button when an image is shown already, e.g. 换一张封面. */
    change: string;
    /** H5: the file input's spoken name; the button's words when left out. */
    input?: string;
  };
  messages: {
    /** The server's refusal of a file over IMAGE_MAX_BYTES. */
    tooLarge: string;
    /** H5: the browser could not read the file. */
    readFailed: string;
    /** Mini-program: the cloud upload failed. */
    uploadFailed: string;
  };
  /** Mini-program: the cloud storage folder, e.g. notice-covers (then /<community>/<random>.jpg). */
  cloudFolder: string;
}

/** H5: sends the image's base64 to the local host; resolves to its reference. */
export type UploadBase64 = (community: string, base64: string) => Promise<string>;

/**
 * Mini-program: hands the fileID of the image it put in cloud storage to the server, which checks
 * and records it (or deletes it); resolves to the reference to save.
 */
export type RegisterFile = (community: string, fileID: string) => Promise<string>;

export interface ImagePickerProps {
  community: string;
  setup: ImagePickerSetup;
  /** H5 only (the mini-program uploads to cloud storage itself). */
  upload: UploadBase64;
  /** Mini-program only: after its own upload to cloud storage. */
  register: RegisterFile;
  /** An image is shown already: the button offers to change it. */
  hasImage: boolean;
  disabled: boolean;
  onPicked: (image: PickedImage) => void;
  /** A Chinese message, or null to clear it. */
  onError: (message: string | null) => void;
}
