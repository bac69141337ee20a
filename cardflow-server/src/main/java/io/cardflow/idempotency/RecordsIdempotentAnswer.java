package io.cardflow.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler method whose work runs in a transaction of its own making (several requests' work batched into one
 * transaction, say) rather than in the request's: the {@link IdempotencyFilter} then opens no transaction around
 * the request, and a successful answer to a request with an {@code Idempotency-Key} is recorded by that work
 * through the request's {@link IdempotencyClaim}. Answers of 4xx and 5xx are still handled by the filter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RecordsIdempotentAnswer {
}
