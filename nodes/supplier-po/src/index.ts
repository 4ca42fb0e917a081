import { definePackage } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { buildOrder } from './actions/build-order.js';
import { markReceived } from './actions/mark-received.js';

export type { PoLine, PurchaseOrder } from './render.js';
export { escapeHtml, poCsv, poHtml } from './render.js';

const nodes = [buildOrder, markReceived] as unknown as NodeDefinition[];

export default definePackage({ name: '@shopwire/nodes-supplier-po', nodes });
