package io.cardflow.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SchemaRulesTest {

    record Shipment(String line, @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{2}") String country) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Parcel(@JsonProperty("parcelId") String id, long weight, @Nullable Instant deliveredAt,
                  Optional<String> note, List<String> labels, Shipment shipment) {
    }

    @Test
    void responsesRequireWhatIsAlwaysWrittenAndRequestsRefuseUnknownFields() {
        RecordSchemas records = new RecordSchemas();
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(records);
        OpenAPI openApi = new OpenAPI().components(new Components());
        converters.readAll(Parcel.class).forEach(openApi.getComponents()::addSchemas);
        openApi.paths(new Paths().addPathItem("/parcels", new PathItem().post(new Operation()
                .requestBody(new RequestBody().content(json("Shipment")))
                .responses(new ApiResponses().addApiResponse("201", new ApiResponse().content(json("Parcel")))))));

        new SchemaRules(records).customise(openApi);

        Schema<?> parcel = openApi.getComponents().getSchemas().get("Parcel");
        assertThat(parcel.getRequired()).as("@Nullable, Optional and, under NON_EMPTY, lists may be absent")
                .containsExactly("parcelId", "shipment", "weight");
        assertThat(parcel.getAdditionalProperties()).isNull();
        Schema<?> shipment = openApi.getComponents().getSchemas().get("Shipment");
        assertThat(shipment.getAdditionalProperties()).isEqualTo(false);
        assertThat(shipment.getRequired()).as("a request's own required list stays").isNull();
        assertThat(((Schema<?>) shipment.getProperties().get("country")).getPattern()).isEqualTo("^[A-Z]{2}$");
    }

    private static Content json(String schemaName) {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schemaName)));
    }
}
