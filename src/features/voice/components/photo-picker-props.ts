/** Shared by photo-picker.tsx and photo-picker.weapp.tsx (a suffixed file cannot import its base). */
import type { PickedPhoto } from '../model/suggestion-form';

export type { PickedPhoto } from '../model/suggestion-form';

export interface PhotoPickerProps {
  community: string;
  /** A photo is shown already: the button offers to change it. */
  hasPhoto: boolean;
  disabled: boolean;
  onPicked: (photo: PickedPhoto) => void;
  /** A Chinese message, or null to clear it. */
  onError: (message: string | null) => void;
}
