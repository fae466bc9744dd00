export { BoardScreen } from './components/board-screen';
export type { BoardScreenProps } from './components/board-screen';
export { useServerClock } from './hooks/use-server-clock';
