/** Shared by cover-picker.tsx and cover-picker.weapp.tsx (a suffixed file cannot import its base). */
export interface PickedCover {
  /** What `notice.save` takes: a local-host media path or a cloud fileID. */
  ref: string;
  /** What the editor shows meanwhile. */
  preview: string;
}

export interface CoverPickerProps {
  community: string;
  /** A cover is shown already: the button offers to change it. */
  hasCover: boolean;
  disabled: boolean;
  onPicked: (cover: PickedCover) => void;
  /** A Chinese message, or null to clear it. */
  onError: (message: string | null) => void;
}
