/** 回访: the staff side of the `followup` function. */
import { call } from '@/lib/gateway';
import type {
  CallList,
  ConfigureFollowUpInput,
  FollowUpRule,
  FollowUpTask,
  RecordCallInput,
  Timeline,
} from '@/types/contract';

/** Today's calls, the overdue ones, how many come later, and the last week's finished ones. */
export function getCallList(community: string): Promise<CallList> {
  return call('followup.due', { community });
}

/** One call attempt (and on 接通 the resident's verdict); answers with the task as it is now. */
export function recordCall(input: RecordCallInput): Promise<FollowUpTask> {
  return call('followup.record', input);
}

/** Which services get a call, and how many days after the evening. */
export function getFollowUpRules(community: string): Promise<FollowUpRule[]> {
  return call('followup.rules', { community });
}

/** Changes one service's rule; answers with all rules. */
export function configureFollowUp(input: ConfigureFollowUpInput): Promise<FollowUpRule[]> {
  return call('followup.configure', input);
}

/** One resident's visits, calls, suggestions, answers and the changes they led to. */
export function getTimeline(community: string, resident: string): Promise<Timeline> {
  return call('followup.timeline', { community, resident });
}
