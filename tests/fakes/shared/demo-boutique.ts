/**
 * The demo shop every fake is seeded with, so a newcomer can try each template without an
 * account and tests see the same SKUs on Shopify, Square and WooCommerce: ~50 products,
 * ~150 customers, ~500 orders over 12 months, 2 locations. Deterministic (seeded PRNG).
 */

export interface DemoProduct {
  sku: string;
  title: string;
  category: string;
  /** price in minor units (cents) */
  priceCents: number;
  costCents: number;
  /** stock per location id */
  stock: Record<string, number>;
  reorderPoint: number;
  supplier: string;
}

export interface DemoCustomer {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  createdAt: string;
}

export interface DemoOrder {
  id: number;
  number: number;
  customerId: number;
  locationId: string;
  createdAt: string;
  lines: { sku: string; quantity: number; priceCents: number }[];
  totalCents: number;
  financialStatus: 'paid' | 'refunded' | 'pending';
}

export interface DemoBoutique {
  locations: { id: string; name: string }[];
  products: DemoProduct[];
  customers: DemoCustomer[];
  orders: DemoOrder[];
}

/** mulberry32: small, fast, good enough for demo data */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['Candles', 'Ceramics', 'Linen', 'Stationery', 'Jewellery'];
const ADJECTIVES = [
  'Amber',
  'Sage',
  'Coastal',
  'Midnight',
  'Honey',
  'Fig',
  'Cedar',
  'Rose',
  'Slate',
  'Olive',
];
const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Dan',
  'Ella',
  'Finn',
  'Grace',
  'Hugo',
  'Isla',
  'Jack',
  'Lena',
  'Max',
  'Nora',
  'Omar',
  'Pia',
];
const LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Wilson',
  'Evans',
  'Thomas',
  'Roberts',
  'Walker',
  'Wright',
];
const SUPPLIERS = ['supplies@northwick-wholesale.test', 'orders@makers-collective.test'];

export function createDemoBoutique(options: { seed?: number; now?: Date } = {}): DemoBoutique {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const now = options.now ?? new Date('2026-11-01T12:00:00Z');
  const locations = [
    { id: 'loc-main', name: 'Main Street Shop' },
    { id: 'loc-popup', name: 'Market Pop-up' },
  ];
  const products: DemoProduct[] = Array.from({ length: 50 }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length] as string;
    const priceCents = 800 + Math.round(random() * 60) * 100;
    return {
      sku: `SW-${category.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
      title: `${pick(ADJECTIVES)} ${category.replace(/s$/, '')} ${i + 1}`,
      category,
      priceCents,
      costCents: Math.round(priceCents * (0.35 + random() * 0.2)),
      stock: { 'loc-main': Math.floor(random() * 40), 'loc-popup': Math.floor(random() * 12) },
      reorderPoint: 5 + Math.floor(random() * 10),
      supplier: SUPPLIERS[i % SUPPLIERS.length] as string,
    };
  });
  const customers: DemoCustomer[] = Array.from({ length: 150 }, (_, i) => {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    return {
      id: 1000 + i,
      email: `${firstName}.${lastName}.${i}@example.test`.toLowerCase(),
      firstName,
      lastName,
      phone: `+1555${String(1000000 + i).slice(1)}`,
      createdAt: new Date(now.getTime() - (400 - i) * 86_400_000).toISOString(),
    };
  });
  const yearMs = 365 * 86_400_000;
  const orders: DemoOrder[] = Array.from({ length: 500 }, (_, i) => {
    // a few loyal customers order often: skew towards low ids
    const customer = customers[Math.floor(Math.pow(random(), 2) * customers.length)] as DemoCustomer;
    const lineCount = 1 + Math.floor(random() * 3);
    const lines = Array.from({ length: lineCount }, () => {
      const product = pick(products);
      return { sku: product.sku, quantity: 1 + Math.floor(random() * 3), priceCents: product.priceCents };
    });
    const createdAt = new Date(now.getTime() - yearMs + Math.floor((i / 500) * yearMs)).toISOString();
    return {
      id: 5000 + i,
      number: 1001 + i,
      customerId: customer.id,
      locationId: random() < 0.8 ? 'loc-main' : 'loc-popup',
      createdAt,
      lines,
      totalCents: lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0),
      financialStatus: random() < 0.03 ? 'refunded' : 'paid',
    };
  });
  return { locations, products, customers, orders };
}
