import { useCallback, useRef, useState } from 'react';
import { useAttemptId } from '@/hooks/use-attempt-id';
import { errorMessage, GatewayError } from '@/lib/gateway';
import type { Booking, Slot } from '@/types/contract';
import { bookSlot } from '../api/book-slot';
import {
  contactInput,
  EMPTY_CONTACT,
  isContactField,
  nameInput,
  type ContactDraft,
} from '../model/contact';

export interface BookAttempt {
  /** The optional 称呼 for the desk, as typed. */
  name: string;
  setName: (name: string) => void;
  contact: ContactDraft;
  setContact: (draft: ContactDraft) => void;
  busy: boolean;
  /** The last refusal in Chinese, shown under the confirm button. */
  error: string | null;
  /** A wrong phone or missing consent, shown next to those fields. */
  contactError: string | null;
  clearErrors: () => void;
  /** Books `slot`; resolves to the booking, or null when it failed (the error is set). */
  book: (slot: Slot) => Promise<Booking | null>;
}

/**
 * The 确认预约 tap. Each attempt at a slot has one requestId, reused when the tap is retried after
 * a failure that may have reached the server; `onFailed` runs after any failure (seats may have
 * changed meanwhile: the page reloads the slots).
 */
export function useBook(onFailed: () => void): BookAttempt {
  const [name, setName] = useState('');
  const [contact, setContact] = useState<ContactDraft>(EMPTY_CONTACT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [contactError, setContactError] = useState<string | null>(null);
  const attempt = useAttemptId();
  const running = useRef(false);
  const onFailedRef = useRef(onFailed);
  onFailedRef.current = onFailed;

  const clearErrors = useCallback(() => {
    setError(null);
    setContactError(null);
  }, []);

  const book = useCallback(
    async (slot: Slot): Promise<Booking | null> => {
      if (running.current) return null;
      const { input, error: invalid } = contactInput(contact);
      setError(null);
      setContactError(invalid);
      if (invalid) return null;
      running.current = true;
      setBusy(true);
      try {
        const booking = await bookSlot({
          slotId: slot.id,
          requestId: attempt.take(slot.id),
          ...nameInput(name),
          ...input,
        });
        attempt.settle();
        // Name and phone stay typed for the next booking; the consent is asked for again each time.
        setContact((c) => ({ ...c, consent: false }));
        return booking;
      } catch (e: unknown) {
        attempt.settle(e);
        if (e instanceof GatewayError && isContactField(e.field)) setContactError(e.message);
        else setError(errorMessage(e));
        onFailedRef.current();
        return null;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [name, contact, attempt],
  );

  return { name, setName, contact, setContact, busy, error, contactError, clearErrors, book };
}
