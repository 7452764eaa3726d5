import { RestClient } from '@guandan/sdk';
import WebSocket from 'ws';

export interface FloodOptions {
  baseUrl: string;
  wsUrl: string;
  /** Sockets the one account opens, one after another. */
  sockets: number;
  /** Chat lines each open socket sends a second. */
  perSecond: number;
}

export interface FloodSummary {
  socketsOpened: number;
  /** Sockets still open at the end (the server's cap closes the oldest). */
  socketsOpen: number;
  /** Closes by code: 4009 too many connections, 1008 rate limit. */
  closes: Record<string, number>;
  sent: number;
  /** Server answers by kind: CHAT_MESSAGE (accepted lines, as seen on every socket) and ERROR codes. */
  answers: Record<string, number>;
}

/** How soon a closed flooding socket is opened again. */
const REOPEN_MS = 250;

/**
 * The attack of issue 12: one guest seated at a quick-match table (bots fill the other seats) opens many sockets
 * with the same token and sends chat lines on each as fast as asked, for as long as the run lasts. A socket the
 * server closes is opened again at once, as a determined attacker would.
 */
export class Flooder {
  private readonly sockets: WebSocket[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly closes = new Map<string, number>();
  private readonly answers = new Map<string, number>();
  private sent = 0;
  private opened = 0;
  private stopped = false;

  constructor(private readonly options: FloodOptions) {}

  async start(): Promise<void> {
    const rest = new RestClient({ baseUrl: this.options.baseUrl });
    await rest.guest();
    await rest.createRoom('quick_match', {});
    const url = `${this.options.wsUrl}?token=${encodeURIComponent(rest.accessToken as string)}`;
    for (let index = 0; index < this.options.sockets; index++) await this.open(url, index);
  }

  stop(): FloodSummary {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    const summary: FloodSummary = {
      socketsOpened: this.opened,
      socketsOpen: this.sockets.filter((socket) => socket.readyState === WebSocket.OPEN).length,
      closes: Object.fromEntries(this.closes),
      sent: this.sent,
      answers: Object.fromEntries(this.answers),
    };
    for (const socket of this.sockets) socket.terminate();
    return summary;
  }

  private async open(url: string, index: number): Promise<void> {
    if (this.stopped) return;
    const socket = new WebSocket(url);
    this.sockets[index] = socket;
    this.opened++;
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; payload: { code?: string } };
      const kind = message.type === 'ERROR' ? `ERROR ${message.payload.code}` : message.type;
      this.answers.set(kind, (this.answers.get(kind) ?? 0) + 1);
    });
    socket.once('close', (code) => {
      this.closes.set(String(code), (this.closes.get(String(code)) ?? 0) + 1);
      if (!this.stopped) setTimeout(() => void this.open(url, index), REOPEN_MS);
    });
    const opened = await new Promise<boolean>((resolve) => socket.once('open', () => resolve(true)).once('error', () => resolve(false)));
    if (!opened) return;
    let line = 0;
    const timer = setInterval(() => {
      if (socket.readyState !== WebSocket.OPEN) return clearInterval(timer);
      const id = `flood-${index}-${line++}`;
      socket.send(JSON.stringify({ type: 'SEND_MESSAGE', payload: { text: `spam ${id}` }, timestamp: Date.now(), id }));
      this.sent++;
    }, 1000 / this.options.perSecond);
    this.timers.push(timer);
  }
}
