import type {
  Clock,
  ContentChecker,
  ImageCleaner,
  LinePublisher,
  MediaStore,
  Notifier,
  Store,
} from './ports';

export interface CoreConfig {
  /** The admin secret (ADMIN_TOKEN): redeeming it through staff.redeem makes the caller admin. */
  adminToken: string;
  /**
   * The public address residents' phones open (PUBLIC_URL): 本周海报's QR code points at its
   * tonight page (kernel/entry-url.ts). Unset: the poster carries no URL.
   */
  publicUrl?: string;
}

/** What a host hands the core. */
export interface CoreDeps {
  store: Store;
  clock: Clock;
  config: CoreConfig;
  /** Where line changes go live; hosts without listeners may omit it. */
  publisher?: LinePublisher;
  /** How residents are alerted; hosts without a channel may omit it. */
  notifier?: Notifier;
  /** Cover images; hosts without one refuse uploads and covers. */
  media?: MediaStore;
  /**
   * Uploaded images are re-encoded here before they are kept (no EXIF position); hosts without
   * one refuse uploads, as hosts without media do.
   */
  images?: ImageCleaner;
  /** Residents' suggestion text is checked here before it is stored; hosts without one store as is. */
  contentCheck?: ContentChecker;
}

/** The identity a host vouches for: the signed cookie (local) or OPENID (cloud). */
export interface Caller {
  userId: string | null;
  /**
   * The session version the host's cookie carries (local host); undefined where the host has no
   * sessions (WeChat: the account is the identity). Staff and admin actions of a session that
   * sign-out ended are refused.
   */
  sessionVersion?: number;
}
