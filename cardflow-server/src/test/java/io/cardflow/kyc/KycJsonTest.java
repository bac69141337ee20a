package io.cardflow.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.common.Address;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The records double as API bodies, so their JSON shape is part of the contract. */
class KycJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsIndividualWithSnakeCaseDocumentType() {
        IndividualKyc kyc = mapper.readValue("""
                {"firstName": "Jane", "lastName": "Doe", "dateOfBirth": "1990-05-17", "nationality": "GB",
                 "address": {"line1": "1 High Street", "city": "London", "postalCode": "SW1A 1AA", "country": "GB"},
                 "identityDocument": {"type": "driving_licence", "number": "DL-12345", "issuingCountry": "GB",
                                      "expiryDate": "2030-01-31"}}
                """, IndividualKyc.class);

        assertThat(kyc).isEqualTo(new IndividualKyc("Jane", "Doe", LocalDate.of(1990, 5, 17), "GB",
                new Address("1 High Street", null, "London", null, "SW1A 1AA", "GB"),
                new IdentityDocument(DocumentType.DRIVING_LICENCE, "DL-12345", "GB", LocalDate.of(2030, 1, 31))));
    }

    @Test
    void writesDocumentTypesAsSnakeCase() {
        assertThat(mapper.writeValueAsString(List.of(DocumentType.values())))
                .isEqualTo("[\"passport\",\"national_id\",\"driving_licence\"]");
    }

    @Test
    void writesReasonCodesAsTheirWireCodes() {
        Verdict verdict = new Verdict(Outcome.REJECTED, List.of(ReasonCode.values()));

        assertThat(mapper.writeValueAsString(verdict)).isEqualTo("""
                {"outcome":"REJECTED","reasons":["applicant_underage","document_expired","watchlist_match",\
                "watchlist_possible_match","beneficial_owner_underage","manual_review_rejected"]}""");
        assertThat(mapper.readValue("\"watchlist_possible_match\"", ReasonCode.class))
                .isEqualTo(ReasonCode.WATCHLIST_POSSIBLE_MATCH);
    }

    @Test
    void businessJsonReadsBackAsTheSameApplication() {
        BusinessKyb kyb = KycFixtures.business();

        String json = mapper.writeValueAsString(kyb);

        assertThat(mapper.readValue(json, BusinessKyb.class)).isEqualTo(kyb);
    }
}
