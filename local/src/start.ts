/** `npm start`: the local 122 line on its embedded defaults, on well-known ports, until Ctrl+C. */
import { startStack } from './stack';

async function main(): Promise<void> {
  const stack = await startStack({
    functionsPort: Number(process.env.FUNCTIONS_PORT ?? 7071),
    identityPort: Number(process.env.IDENTITY_PORT ?? 7090),
  });
  const width = Math.max(...stack.services.map((s) => s.name.length));
  process.stdout.write('EER 122 local stack is up:\n');
  for (const s of stack.services) process.stdout.write(`  ${s.name.padEnd(width)}  ${s.url}${s.note ? `  (${s.note})` : ''}\n`);
  process.stdout.write(`function app ready: ${stack.functionsUrl}\n`);
  const stop = () => void stack.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`local stack failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
