// The mini-program has no speech synthesis; the board flashes instead (see speech.ts).
export function canSpeak(): boolean {
  return false;
}

export function speak(_text: string): void {
  // nothing to do
}

export function callSentence(label: string, lineName: string): string {
  return `请 ${label} 号到${lineName}服务台`;
}
