// Topics are created explicitly, with their partition count, by the service that owns them: the broker runs with
// auto.create.topics.enable=false so a typo can never silently create a topic nobody reads.
import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Retention; dead-letter topics keep messages longer so operators can inspect and replay them. */
  retentionMs?: number;
}

const DEAD_LETTER_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** One dead-letter topic per consumer group (poison messages of that group only). */
export function deadLetterTopicFor(groupId: string): TopicSpec {
  return { name: `stap.dlt.${groupId}`, partitions: 1, retentionMs: DEAD_LETTER_RETENTION_MS };
}

export async function ensureTopics(kafka: Kafka, topics: TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) return;
    // Two services may create the same topic at once; the loser's TOPIC_ALREADY_EXISTS is not an error.
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor: -1,
        configEntries: topic.retentionMs ? [{ name: 'retention.ms', value: String(topic.retentionMs) }] : [],
      })),
    }).catch((error: { type?: string; errors?: Array<{ type?: string }> }) => {
      const causes = error.errors ?? [error];
      if (!causes.every((cause) => cause.type === 'TOPIC_ALREADY_EXISTS')) throw error;
    });
  } finally {
    await admin.disconnect();
  }
}
