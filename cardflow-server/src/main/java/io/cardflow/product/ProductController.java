package io.cardflow.product;

import io.cardflow.common.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Products", description = "The card products of this server's catalog, configured by the operator.")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** The whole catalog: a handful of configured products, so one page always holds them all. */
    @GetMapping("/api/v1/products")
    @Operation(summary = "List the card products",
            description = "The whole catalog in one page (hasMore is always false). Choose a product whose holderType "
                    + "matches the customer's type; its id goes into the phase 2 and phase 4 calls.")
    @ApiResponse(responseCode = "200", description = "The catalog")
    Page<Product> listProducts() {
        return new Page<>(catalog.all(), false);
    }

    @GetMapping("/api/v1/products/{productId}")
    @Operation(summary = "Get a card product", description = "One product of the catalog, with its limits.")
    @ApiResponse(responseCode = "200", description = "The product")
    Product getProduct(@Parameter(description = "The product's id", example = "prod_usd_virtual")
                       @PathVariable String productId) {
        return catalog.get(productId);
    }
}
