// The ceiling's sandbox: one isolate, one context, the sum compiled once; each message is one
// call with the items copied in (as the real sandbox passes data as arguments).
import ivm from 'isolated-vm';

const isolate = new ivm.Isolate({ memoryLimit: 128 });
const context = isolate.createContextSync();
const fn = context.evalSync('(items) => items.reduce((s, i) => s + i.qty * i.price, 0)', {
  reference: true,
});

process.on('message', ({ id, items }) => {
  try {
    const total = fn.applySync(undefined, [new ivm.ExternalCopy(items).copyInto()], {
      result: { copy: true },
      timeout: 1000,
    });
    process.send({ id, total });
  } catch (error) {
    process.send({ id, error: String(error) });
  }
});
