// Readiness probe for a Kafka broker: succeeds only when the broker answers a real metadata request (a cluster with a
// broker and an active controller), not merely when its port accepts connections.
// Usage: node kafka-ready.js <host:port> <timeout-seconds> [pid]
// With a pid, the probe gives up at once when that process has exited (a broker that crashed on start-up).
const { Kafka, logLevel } = require('kafkajs');

// kafkajs schedules a timer with a negative delay on Node 22+ (harmless, kafkajs issue #1751): keep it off stderr.
process.removeAllListeners('warning');

const RETRY_PAUSE_MS = 500;

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function clusterAnswers(kafka) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function main() {
  const [broker, timeoutSeconds = '120', pid] = process.argv.slice(2);
  if (!broker) throw new Error('usage: kafka-ready.js <host:port> <timeout-seconds> [pid]');
  const deadline = Date.now() + Number(timeoutSeconds) * 1000;
  const kafka = new Kafka({
    clientId: 'stap-infra-ready',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  for (;;) {
    if (await clusterAnswers(kafka)) return;
    if (pid && !processAlive(Number(pid))) {
      console.error(`Kafka process ${pid} exited before ${broker} answered a metadata request`);
      process.exit(1);
    }
    if (Date.now() >= deadline) {
      console.error(`Kafka at ${broker} did not answer a metadata request within ${timeoutSeconds}s`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(2);
});
