package io.cardflow.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.common.HolderType;
import io.cardflow.common.SpendingControls;
import io.cardflow.common.SpendingControls.Interval;
import io.cardflow.common.SpendingControls.SpendingLimit;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ProductCatalogTest {

    private static Product product(String id, String currency, CardForm form, long min, long max, String bin,
                                   List<String> shippingCountries) {
        return new Product(id, "Test Card", currency, HolderType.INDIVIDUAL, form, min, max, 1_000_000, 1, 3, bin,
                shippingCountries, null, null, null);
    }

    private static Product virtual(String id) {
        return product(id, "USD", CardForm.VIRTUAL, 100, 1000, "424242", List.of());
    }

    @Test
    void keepsProductsInOrderAndFindsThemById() {
        ProductCatalog catalog = new ProductCatalog(List.of(virtual("prod_b"), virtual("prod_a")));
        assertThat(catalog.all()).extracting(Product::id).containsExactly("prod_b", "prod_a");
        assertThat(catalog.find("prod_a")).contains(virtual("prod_a"));
        assertThat(catalog.find("prod_c")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void refusesDuplicateIds() {
        assertThatThrownBy(() -> new ProductCatalog(List.of(virtual("prod_a"), virtual("prod_b"), virtual("prod_a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prod_a").hasMessageContaining("twice");
    }

    @Test
    void refusesAnEmptyCatalog() {
        assertThatThrownBy(() -> new ProductCatalog(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void productRefusesABadId() {
        assertInvalid(() -> virtual("usd_virtual"), "id must look like");
        assertInvalid(() -> virtual("prod_UPPER"), "id must look like");
        assertInvalid(() -> virtual(null), "id must look like");
    }

    @Test
    void productRefusesABadCurrency() {
        for (String currency : new String[] {"usd", "ABC", "XAU", null}) {
            assertInvalid(() -> product("prod_x", currency, CardForm.VIRTUAL, 100, 1000, "424242", List.of()), "currency");
        }
    }

    @Test
    void productRefusesMinimumAboveMaximum() {
        assertInvalid(() -> product("prod_x", "USD", CardForm.VIRTUAL, 2000, 1000, "424242", List.of()), "topUpMinimum <= topUpMaximum");
        assertInvalid(() -> product("prod_x", "USD", CardForm.VIRTUAL, 0, 1000, "424242", List.of()), "1 <= topUpMinimum");
    }

    @Test
    void physicalProductNeedsShippingCountries() {
        assertInvalid(() -> product("prod_x", "EUR", CardForm.PHYSICAL, 100, 1000, "535353", List.of()), "shippingCountries");
        assertInvalid(() -> product("prod_x", "EUR", CardForm.PHYSICAL, 100, 1000, "535353", null), "shippingCountries");
        assertInvalid(() -> product("prod_x", "EUR", CardForm.PHYSICAL, 100, 1000, "535353", List.of("de")), "shippingCountries");
        assertThat(product("prod_x", "EUR", CardForm.PHYSICAL, 100, 1000, "535353", List.of("DE")).shippingCountries())
                .containsExactly("DE");
    }

    @Test
    void productRefusesABadBin() {
        for (String bin : new String[] {"12345", "123456789", "42424a", "", null}) {
            assertInvalid(() -> product("prod_x", "USD", CardForm.VIRTUAL, 100, 1000, bin, List.of()), "bin must be 6 to 8 digits");
        }
    }

    @Test
    void productControlsAreCheckedAndNamedInTheReason() {
        SpendingControls bad = new SpendingControls(List.of(new SpendingLimit(0L, Interval.DAILY, null)), null, null,
                null, List.of("us"), null);
        assertInvalid(() -> new Product("prod_x", "Test Card", "USD", HolderType.INDIVIDUAL, CardForm.VIRTUAL, 100, 1000,
                1_000_000, 1, 3, "424242", List.of(), bad, null, null), "controls.spendingLimits[0].amount must be between 1 and");
        assertInvalid(() -> new Product("prod_x", "Test Card", "USD", HolderType.INDIVIDUAL, CardForm.VIRTUAL, 100, 1000,
                1_000_000, 1, 3, "424242", List.of(), bad, null, null), "controls.blockedCountries[0] must be an ISO 3166-1");
        assertThat(virtual("prod_x").controls()).as("none unless configured").isEqualTo(SpendingControls.NONE);
    }

    @Test
    void aCatalogFileCarriesProductControls() {
        Product product = JsonMapper.builder().build().readValue("""
                {"id": "prod_capped", "name": "Capped", "currency": "USD", "holderType": "individual", "form": "virtual",
                 "topUpMinimum": 100, "topUpMaximum": 1000, "cardBalanceMaximum": 1000, "cardsPerCustomer": 1,
                 "kycAttempts": 3, "bin": "424242", "shippingCountries": [],
                 "controls": {"spendingLimits": [{"amount": 500, "interval": "daily"}], "blockedCategories": ["7995"]}}""",
                Product.class);
        assertThat(product.controls()).isEqualTo(new SpendingControls(List.of(new SpendingLimit(500L, Interval.DAILY, null)),
                null, List.of("7995"), null, null, null));
    }

    @Test
    void defaultCatalogParsesIntoValidProductsOfTheRequiredKinds() throws Exception {
        List<Product> products;
        try (InputStream in = ProductCatalogTest.class.getResourceAsStream("/products/default-catalog.json")) {
            assertThat(in).as("default catalog on the classpath").isNotNull();
            products = JsonMapper.builder().build().readValue(in, new TypeReference<List<Product>>() {
            });
        }
        ProductCatalog catalog = new ProductCatalog(products);
        assertThat(catalog.all()).anySatisfy(kind(HolderType.INDIVIDUAL, "USD", CardForm.VIRTUAL))
                .anySatisfy(kind(HolderType.INDIVIDUAL, "EUR", CardForm.PHYSICAL))
                .anySatisfy(kind(HolderType.BUSINESS, "USD", null));
    }

    private static java.util.function.Consumer<Product> kind(HolderType holderType, String currency, CardForm form) {
        return product -> {
            assertThat(product.holderType()).isEqualTo(holderType);
            assertThat(product.currency()).isEqualTo(currency);
            if (form != null) {
                assertThat(product.form()).isEqualTo(form);
            }
        };
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable construction, String problem) {
        assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is invalid").hasMessageContaining(problem);
    }
}
