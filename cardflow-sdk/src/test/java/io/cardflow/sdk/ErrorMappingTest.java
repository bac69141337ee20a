package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.problem;
import static io.cardflow.sdk.StubServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cardflow.sdk.exception.ApiException;
import io.cardflow.sdk.exception.AuthenticationException;
import io.cardflow.sdk.exception.CardflowException;
import io.cardflow.sdk.exception.FieldError;
import io.cardflow.sdk.exception.NotFoundException;
import io.cardflow.sdk.exception.ServerException;
import io.cardflow.sdk.exception.ValidationException;
import io.cardflow.sdk.model.CustomerCreateParams;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    private final StubServer stub = new StubServer();
    private final TestClients clients = new TestClients();

    ErrorMappingTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private ApiException callFailing() {
        var client = clients.against(stub).maxRetries(0).build();
        return catchThrowableOfType(ApiException.class, () -> client.customers().get("cus_1"));
    }

    @Test
    void aValidationProblemCarriesItsCodeDetailFieldErrorsAndRequestId() {
        stub.reply(text(422, "application/problem+json", """
                {"type": "urn:cardflow:problem:validation_failed", "title": "Validation failed", "status": 422,
                 "detail": "address.country: must be an ISO 3166-1 alpha-2 country code in upper case",
                 "instance": "/api/v1/customers", "code": "validation_failed", "requestId": "req_abc",
                 "errors": [{"field": "address.country", "message": "must be upper case"},
                            {"field": "email", "message": "must be an email"}],
                 "somethingNewer": true}"""));

        var error = catchThrowableOfType(ValidationException.class,
                () -> clients.against(stub).build().customers().create(CustomerCreateParams.builder().build()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.code()).isEqualTo("validation_failed");
        assertThat(error.detail()).startsWith("address.country: must be");
        assertThat(error.requestId()).isEqualTo("req_abc");
        assertThat(error.errors()).containsExactly(new FieldError("address.country", "must be upper case"),
                new FieldError("email", "must be an email"));
        assertThat(error).hasMessageContaining("422").hasMessageContaining("validation_failed")
                .hasMessageContaining("req_abc");
    }

    @ParameterizedTest
    @CsvSource({
            "400, malformed_json, io.cardflow.sdk.exception.ValidationException",
            "401, unauthorized, io.cardflow.sdk.exception.AuthenticationException",
            "404, not_found, io.cardflow.sdk.exception.NotFoundException",
            "405, method_not_allowed, io.cardflow.sdk.exception.ApiException",
            "409, kyc_not_approved, io.cardflow.sdk.exception.ConflictException",
            "413, payload_too_large, io.cardflow.sdk.exception.ApiException",
            "422, holder_type_mismatch, io.cardflow.sdk.exception.ValidationException",
            "429, rate_limited, io.cardflow.sdk.exception.RateLimitException",
            "500, internal_error, io.cardflow.sdk.exception.ServerException",
            "503, unavailable, io.cardflow.sdk.exception.ServerException"})
    void eachStatusMapsToItsExceptionType(int status, String code, Class<?> type) {
        stub.reply(problem(status, code));

        var error = callFailing();

        assertThat(error).isExactlyInstanceOf(type);
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.detail()).isEqualTo("scripted " + code);
        assertThat(error.errors()).isEmpty();
    }

    @Test
    void theRequestIdFallsBackToTheResponseHeader() {
        stub.reply(problem(404, "not_found").withHeader("X-Request-Id", "req_from_header"));

        assertThat(callFailing()).isInstanceOf(NotFoundException.class)
                .extracting(ApiException::requestId).isEqualTo("req_from_header");
    }

    @Test
    void aNonJsonBadGatewayIsStillAServerException() {
        stub.reply(text(502, "text/html", "<html><body>502 Bad Gateway</body></html>")
                .withHeader("X-Request-Id", "req_proxy"));

        var error = callFailing();

        assertThat(error).isInstanceOf(ServerException.class);
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.code()).isNull();
        assertThat(error.requestId()).isEqualTo("req_proxy");
        assertThat(error).hasMessageStartingWith("HTTP 502");
    }

    @Test
    void anEmptyErrorBodyStillMapsByStatus() {
        stub.reply(text(401, "text/plain", ""));

        assertThat(callFailing()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anUnreadableSuccessIsACardflowExceptionNotAJacksonOne() {
        stub.reply(text(200, "application/json", "{not json"));

        var client = clients.against(stub).build();
        var error = catchThrowableOfType(CardflowException.class, () -> client.customers().get("cus_1"));

        assertThat(error).hasMessageContaining("Unreadable answer");
    }
}
