package io.cardflow.controls;

import io.cardflow.common.Money;
import org.jspecify.annotations.Nullable;

/** What spending controls look at in a purchase; the network may leave out the category and the country. */
public record Purchase(Money amount, @Nullable String mcc, @Nullable String merchantCountry) {
}
