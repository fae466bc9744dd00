/**
 * Spoken calls on the TV board, H5 only (speech.weapp.ts has none). Off unless staff switch it
 * on; the visual flash happens either way, so nobody depends on hearing it.
 */
export function canSpeak(): boolean {
  return (
    typeof window !== 'undefined' &&
    'speechSynthesis' in window &&
    typeof SpeechSynthesisUtterance !== 'undefined'
  );
}

export function speak(text: string): void {
  if (!canSpeak()) return;
  try {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  } catch {
    // a TV browser without voices: the screen still shows the call
  }
}

/** What the board says for a call. */
export function callSentence(label: string, lineName: string): string {
  return `请 ${label} 号到${lineName}服务台`;
}
