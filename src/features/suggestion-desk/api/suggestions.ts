/** 建议处理: the staff side of the `suggestion` function. */
import { call } from '@/lib/gateway';
import type {
  ChangeEntry,
  LogChangeInput,
  ReplyInput,
  StaffSuggestion,
  EchoWall,
} from '@/types/contract';

/** Every suggestion of a community, with its author and where it came from. */
export function listSuggestions(community: string): Promise<StaffSuggestion[]> {
  return call('suggestion.list', { community });
}

/** Answers a suggestion (the author is told). */
export function replySuggestion(input: ReplyInput): Promise<StaffSuggestion> {
  return call('suggestion.reply', input);
}

/** Files a suggestion as a duplicate of another one; its author is pointed there. */
export function mergeSuggestion(id: string, into: string): Promise<StaffSuggestion> {
  return call('suggestion.merge', { id, into });
}

/** A "你说我做" entry; the suggestions it answers become 已采纳 and their authors are told. */
export function logChange(input: LogChangeInput): Promise<ChangeEntry> {
  return call('suggestion.logChange', input);
}

/** The suggestion categories: the community's services, then 开放时间, 环境设施 and 其他. */
export async function getCategories(community: string): Promise<EchoWall['categories']> {
  return (await call('suggestion.echoWall', { community })).categories;
}
