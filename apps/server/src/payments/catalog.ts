import { type Product, ProtocolError } from '@guandan/protocol';

/**
 * What the shop sells, from configuration (`COIN_PACKS`: `id:coins:price,...`, prices in the currency's minor
 * unit). Game coins only: they are play currency and never turn back into money (docs/PAYMENTS.md).
 */
export class Catalog {
  private readonly products: Product[];

  constructor(coinPacks: string, currency: string) {
    this.products = coinPacks.split(',').map((item) => {
      const [productId, coins, price] = item.split(':');
      return { product_id: productId, kind: 'coins', coins: Number(coins), price_minor: Number(price), currency };
    });
    const ids = new Set(this.products.map((product) => product.product_id));
    if (ids.size !== this.products.length) throw new Error('bad configuration: COIN_PACKS names a product twice');
  }

  all(): Product[] {
    return this.products;
  }

  /** The product by id; NOT_FOUND when the shop does not sell it. */
  get(productId: string): Product {
    const product = this.products.find((candidate) => candidate.product_id === productId);
    if (product === undefined) throw new ProtocolError('NOT_FOUND', `the shop sells no ${productId}`);
    return product;
  }
}
