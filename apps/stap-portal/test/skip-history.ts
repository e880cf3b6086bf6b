// A fresh consumer group reads a topic from the beginning (the ConsumerRunner's choice, right for a new deployment
// that must build its read model). On the shared development broker the register topics hold every earlier run's
// events, so tests and benchmarks start their group at the current end instead: they feed what they need themselves.
import { Kafka, logLevel } from 'kafkajs';
import { ensureTopics } from '@stap/platform/kafka';
import { PROVIDER_TOPIC, PURCHASE_ORDER_TOPIC, REGISTER_EVENTS_GROUP, TRAINING_TOPIC } from '../src/transport/events/register-events.consumer';

export async function startGroupAtEnd(brokers: string[], groupSuffix: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'stap-portal-test-setup', brokers, logLevel: logLevel.NOTHING });
  await ensureTopics(kafka, [TRAINING_TOPIC, PROVIDER_TOPIC, PURCHASE_ORDER_TOPIC]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of [TRAINING_TOPIC.name, PROVIDER_TOPIC.name, PURCHASE_ORDER_TOPIC.name]) {
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId: REGISTER_EVENTS_GROUP + groupSuffix, topic, partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}
