package io.cardflow.product;

import io.cardflow.common.ApiException;
import io.cardflow.config.CardflowProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The products merchants can offer: configuration, read once at start from {@code cardflow.products-file}
 * (a JSON array) or the built-in default catalog. A bad file stops the server with the reason.
 */
@Component
public class ProductCatalog {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);
    private static final String DEFAULT_CATALOG = "/products/default-catalog.json";

    private final Map<String, Product> products;
    private final List<Product> ordered;

    @Autowired
    public ProductCatalog(CardflowProperties properties, JsonMapper jsonMapper) {
        this(load(properties.productsFile(), jsonMapper));
    }

    ProductCatalog(List<Product> products) {
        Map<String, Product> byId = new LinkedHashMap<>();
        for (Product product : products) {
            if (byId.put(product.id(), product) != null) {
                throw new IllegalArgumentException("Product id '" + product.id() + "' appears twice in the catalog");
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("The product catalog is empty");
        }
        this.products = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    public List<Product> all() {
        return ordered;
    }

    public Optional<Product> find(String productId) {
        return Optional.ofNullable(productId).map(products::get);
    }

    public Product get(String productId) {
        return find(productId).orElseThrow(() -> ApiException.notFound("product", productId));
    }

    private static List<Product> load(String file, JsonMapper jsonMapper) {
        TypeReference<List<Product>> type = new TypeReference<>() {
        };
        if (file == null || file.isBlank()) {
            try (InputStream in = ProductCatalog.class.getResourceAsStream(DEFAULT_CATALOG)) {
                return jsonMapper.readValue(in, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path path = Path.of(file);
        log.info("Loading the product catalog from {}", path.toAbsolutePath());
        try {
            return jsonMapper.readValue(Files.readAllBytes(path), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the product catalog " + path.toAbsolutePath(), e);
        }
    }
}
