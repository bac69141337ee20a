package io.cardflow.sdk;

import io.cardflow.sdk.model.ListParams;
import io.cardflow.sdk.model.Product;

/** The card products a merchant can offer: {@code /api/v1/products}. */
public final class ProductService {

    private final ApiTransport transport;

    ProductService(ApiTransport transport) {
        this.transport = transport;
    }

    public Page<Product> list() {
        return transport.getPage("/api/v1/products", ListParams.defaults(), Product.class, Product::id);
    }

    public Product get(String productId) {
        return transport.get(ApiTransport.path("/api/v1/products/%s", productId), Product.class);
    }
}
