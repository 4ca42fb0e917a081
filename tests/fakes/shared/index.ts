export type { FakeHandler, FakeRequest, FakeResponse, RunningFake, StartFakeOptions } from './fake-server.js';
export { FakeRouter, startFake } from './fake-server.js';
export { FixedWindow, LeakyBucket } from './rate-limit.js';
export type { DemoBoutique, DemoCustomer, DemoOrder, DemoProduct } from './demo-boutique.js';
export { createDemoBoutique, seededRandom } from './demo-boutique.js';
