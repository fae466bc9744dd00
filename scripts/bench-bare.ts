/**
 * The bench's yardstick: a bare Fastify 5 JSON POST endpoint in its own process, nothing else.
 * Listens on 127.0.0.1 (PORT, 0 for any free port) and prints `listening <url>`.
 */
import Fastify from 'fastify';

async function main() {
  const app = Fastify({ logger: false });
  app.post('/echo', async (request) => ({ ok: true, data: request.body }));
  // Each bench connection's first request, not measured (scripts/bench-http.ts).
  app.get('/health', async () => ({ ok: true }));
  const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
  console.log(`listening ${url}`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
