package io.cardflow.customer;

import io.cardflow.common.Address;
import io.cardflow.common.HolderType;
import io.cardflow.common.Jdbc;
import io.cardflow.common.KeysetPages;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.cardflow.common.crypto.AesGcm;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers' personal data (names, email, phone, date of birth, address but its country) is stored as one JSON value
 * sealed with {@link AesGcm}, bound to the customer id; nothing queries by it. Rows written in clear by a version
 * before V8 are sealed at start, before the server serves.
 */
@Repository
class CustomerRepository implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CustomerRepository.class);
    private static final int SEALING_BATCH = 100;

    private final JdbcClient jdbc;
    private final KeysetPages pages;
    private final AesGcm cipher;
    private final JsonMapper jsonMapper;

    CustomerRepository(JdbcClient jdbc, KeysetPages pages, AesGcm cipher, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.cipher = cipher;
        this.jsonMapper = jsonMapper;
    }

    /** What is sealed of a customer. */
    record PersonalData(String firstName, String lastName, String legalName, String email, String phone,
                        LocalDate dateOfBirth, String line1, String line2, String city, String region, String postalCode) {

        static PersonalData of(Customer customer) {
            Address address = customer.address();
            return new PersonalData(customer.firstName(), customer.lastName(), customer.legalName(), customer.email(),
                    customer.phone(), customer.dateOfBirth(), address.line1(), address.line2(), address.city(),
                    address.region(), address.postalCode());
        }
    }

    void insert(String merchantId, Customer customer) {
        jdbc.sql("""
                        insert into customers (id, merchant_id, type, personal_data, address_country, created_at)
                        values (:id, :merchantId, :type, :personalData, :country, :createdAt)""")
                .param("id", customer.customerId())
                .param("merchantId", merchantId)
                .param("type", customer.type().name().toLowerCase(Locale.ROOT))
                .param("personalData", seal(customer.customerId(), PersonalData.of(customer)))
                .param("country", customer.address().country())
                .param("createdAt", Jdbc.timestamp(customer.createdAt()))
                .update();
    }

    /** Only the merchant's own customers exist for it: another merchant's id finds nothing. */
    Optional<Customer> find(String merchantId, String customerId) {
        return jdbc.sql("select * from customers where id = :id and merchant_id = :merchantId")
                .param("id", customerId)
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Whether the merchant has this customer, whose row is then locked until the caller's transaction ends. */
    boolean lock(String merchantId, String customerId) {
        return jdbc.sql("select id from customers where id = :id and merchant_id = :merchantId for update")
                .param("id", customerId)
                .param("merchantId", merchantId)
                .query(String.class)
                .optional()
                .isPresent();
    }

    /** Newest first; only the merchant's own. */
    Page<Customer> page(String merchantId, PageRequest page) {
        return pages.newestFirst("customers", "merchant_id", merchantId, page, "customer", (rs, n) -> map(rs));
    }

    private Customer map(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        PersonalData data = jsonMapper.readValue(cipher.open(id, rs.getString("personal_data")), PersonalData.class);
        return new Customer(id, HolderType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), data.firstName(),
                data.lastName(), data.legalName(), data.email(), data.phone(), data.dateOfBirth(),
                new Address(data.line1(), data.line2(), data.city(), data.region(), data.postalCode(),
                        rs.getString("address_country")),
                Jdbc.instant(rs, "created_at"));
    }

    private String seal(String customerId, PersonalData data) {
        return cipher.seal(customerId, jsonMapper.writeValueAsString(data));
    }

    /** Seals the rows still in clear (written before V8), emptying their clear columns, before anything reads them. */
    @Override
    public void afterSingletonsInstantiated() {
        int sealed = 0;
        List<String> batch;
        do {
            batch = jdbc.sql("select id from customers where personal_data is null fetch first :rows rows only")
                    .param("rows", SEALING_BATCH).query(String.class).list();
            for (String id : batch) {
                sealed += sealInClear(id);
            }
        } while (!batch.isEmpty());
        if (sealed > 0) {
            log.info("Encrypted the personal data of {} customers stored in clear by an earlier version", sealed);
        }
    }

    private int sealInClear(String id) {
        PersonalData data = jdbc.sql("select * from customers where id = :id").param("id", id)
                .query((rs, n) -> new PersonalData(rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("legal_name"), rs.getString("email"), rs.getString("phone"), Jdbc.date(rs, "date_of_birth"),
                        rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("address_city"),
                        rs.getString("address_region"), rs.getString("address_postal_code")))
                .single();
        // Guarded by "still in clear": another node starting at the same time may have sealed it already.
        return jdbc.sql("""
                        update customers set personal_data = :personalData, first_name = null, last_name = null,
                            legal_name = null, email = null, phone = null, date_of_birth = null, address_line1 = null,
                            address_line2 = null, address_city = null, address_region = null, address_postal_code = null
                        where id = :id and personal_data is null""")
                .param("personalData", seal(id, data))
                .param("id", id)
                .update();
    }
}
