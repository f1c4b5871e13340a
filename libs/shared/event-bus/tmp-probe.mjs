import kafkajs from 'kafkajs';
const { Kafka, logLevel } = kafkajs;
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const t0 = Date.now();
const bad = new Kafka({ clientId: 'probe', brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING, connectionTimeout: 3000, retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 } });
try { await bad.producer().connect(); } catch (e) { console.log('unreachable after', Date.now() - t0, 'ms', e.name, e.message); }
const k = new Kafka({ clientId: 'probe', brokers: ['127.0.0.1:9092'], logLevel: logLevel.WARN });
const admin = k.admin(); await admin.connect();
const name = 'probe-' + Date.now();
console.log('create', await admin.createTopics({ topics: [{ topic: name, numPartitions: 3 }] }));
console.log(JSON.stringify(await admin.fetchTopicMetadata({ topics: [name] })));
const c = k.consumer({ groupId: 'probe-g-' + Date.now(), allowAutoTopicCreation: false });
await c.connect();
const t1 = Date.now();
try { await c.subscribe({ topics: ['does-not-exist-' + Date.now()] }); console.log('subscribe to missing ok', Date.now() - t1); } catch (e) { console.log('subscribe to missing failed after', Date.now() - t1, e.name, e.type, e.message); }
await c.disconnect();
const p = k.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
await p.connect();
const t2 = Date.now();
try { await p.sendBatch({ acks: -1, topicMessages: [{ topic: 'missing-' + Date.now(), messages: [{ key: 'a', value: 'b' }] }] }); console.log('send to missing ok'); } catch (e) { console.log('send to missing failed after', Date.now() - t2, e.name, e.type, e.message, e.cause?.type); }
await p.disconnect();
await admin.deleteTopics({ topics: [name] });
await admin.disconnect();
