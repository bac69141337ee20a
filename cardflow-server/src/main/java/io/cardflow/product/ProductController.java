package io.cardflow.product;

import io.cardflow.common.Page;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** The whole catalog: a handful of configured products, so one page always holds them all. */
    @GetMapping("/api/v1/products")
    Page<Product> listProducts() {
        return new Page<>(catalog.all(), false);
    }

    @GetMapping("/api/v1/products/{productId}")
    Product getProduct(@PathVariable String productId) {
        return catalog.get(productId);
    }
}
