// Ports of the static servers: POOLSCOPE_TEST_PORT and the next ones when given (parallel runs on one machine
// each get their own), else ones the system hands out as free.
import { createServer } from "node:net";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(address)));
    });
  });
}

/** The `k`-th port of this run (k = 0, 1, ...). */
export async function testPort(k: number): Promise<number> {
  const base = process.env.POOLSCOPE_TEST_PORT;
  return base ? Number(base) + k : freePort();
}
