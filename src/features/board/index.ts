export { BoardScreen } from './components/board-screen';
export type { BoardScreenProps } from './components/board-screen';
export { getBoard } from './api/get-board';
export { useBoardLines, BOARD_RETRY_MS } from './hooks/use-board-lines';
export type { BoardLines } from './hooks/use-board-lines';
export { useCallFlash, FLASH_MS } from './hooks/use-call-flash';
export { useServerClock } from './hooks/use-server-clock';
export { callSentence, canSpeak, speak } from './speech';
