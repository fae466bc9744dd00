import type { NoticeRepo, SignedUp, SignUpRequest } from '../../core/ports';

/** A NoticeRepo whose signUp() answers only what a request without caps can get. */
export type UncappedNotices = Omit<NoticeRepo, 'signUp'> & {
  signUp(request: SignUpRequest): Promise<SignedUp>;
};

/**
 * The repo for tests of sign-ups without caps (staff, or before the limit is asked): a
 * 'limited' answer, which only a request with caps may get, or a 'closed' one, fails the test.
 */
export const uncapped = (repo: NoticeRepo): UncappedNotices => ({
  ...repo,
  async signUp(request) {
    const outcome = await repo.signUp(request);
    if (outcome.kind === 'limited' || outcome.kind === 'closed') {
      throw new Error(`Refused (${outcome.kind}) when it should not be: ${request.requestId}`);
    }
    return outcome;
  },
});
