/** A small JSON client for the test setup (writes with the registrar token, reads as the page does). */
import { BROWSER_TOKENS } from './server.js';

export class Api {
  /** The log position of the last write, so that reads can wait for the read model. */
  position = 0;

  constructor(readonly baseUrl: string) {}

  async get<T = any>(path: string, token?: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(this.position ? { 'x-min-position': String(this.position) } : {}),
      },
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body };
  }

  async read<T = any>(path: string, token?: string): Promise<T> {
    const answer = await this.get<T>(path, token);
    if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async post<T = any>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BROWSER_TOKENS.registrar}` },
      body: JSON.stringify(body),
    });
    const answer: any = await response.json();
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
    if (typeof answer.position === 'number') this.position = Math.max(this.position, answer.position);
    return answer;
  }
}
