import { definePackage } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { eoqNode } from './nodes/eoq.js';
import { forecastNode } from './nodes/forecast.js';
import { inventoryKpisNode } from './nodes/inventory-kpis.js';
import { reorderPointNode } from './nodes/reorder-point.js';
import { rfmNode } from './nodes/rfm.js';

export { eoqNode, forecastNode, inventoryKpisNode, reorderPointNode, rfmNode };
export { inverseNormalCdf } from './math/inverse-normal.js';
export { reorderPoint, serviceLevelZ } from './math/reorder-point.js';
export { economicOrderQuantity } from './math/eoq.js';
export { holtLinear, simpleExponentialSmoothing } from './math/smoothing.js';
export { croston } from './math/croston.js';
export { quintileScores } from './math/quintiles.js';
export { RFM_SEGMENTS, rfmSegment } from './math/rfm-segments.js';
export { scoreRfm } from './math/rfm.js';
export { inventoryKpis } from './math/inventory-kpis.js';

// node definitions are generic in their params schema; the package holds them type-erased
const nodes = [
  rfmNode,
  reorderPointNode,
  eoqNode,
  forecastNode,
  inventoryKpisNode,
] as unknown as NodeDefinition[];

export default definePackage({ name: '@shopwire/nodes-retail-analytics', nodes });
