package io.cardflow.customer;

import io.cardflow.common.Address;
import io.cardflow.common.HolderType;
import io.cardflow.common.Jdbc;
import io.cardflow.common.KeysetPages;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    private final JdbcClient jdbc;
    private final KeysetPages pages;

    CustomerRepository(JdbcClient jdbc, KeysetPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    void insert(String merchantId, Customer customer) {
        Address address = customer.address();
        jdbc.sql("""
                        insert into customers (id, merchant_id, type, first_name, last_name, legal_name, email, phone,
                            date_of_birth, address_line1, address_line2, address_city, address_region, address_postal_code,
                            address_country, created_at)
                        values (:id, :merchantId, :type, :firstName, :lastName, :legalName, :email, :phone,
                            :dateOfBirth, :line1, :line2, :city, :region, :postalCode, :country, :createdAt)""")
                .param("id", customer.customerId())
                .param("merchantId", merchantId)
                .param("type", customer.type().name().toLowerCase(Locale.ROOT))
                .param("firstName", customer.firstName())
                .param("lastName", customer.lastName())
                .param("legalName", customer.legalName())
                .param("email", customer.email())
                .param("phone", customer.phone())
                .param("dateOfBirth", customer.dateOfBirth(), Types.DATE)
                .param("line1", address.line1())
                .param("line2", address.line2())
                .param("city", address.city())
                .param("region", address.region())
                .param("postalCode", address.postalCode())
                .param("country", address.country())
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

    /** Newest first; only the merchant's own. */
    Page<Customer> page(String merchantId, PageRequest page) {
        return pages.newestFirst("customers", "merchant_id", merchantId, page, "customer", (rs, n) -> map(rs));
    }

    private static Customer map(ResultSet rs) throws SQLException {
        return new Customer(rs.getString("id"), HolderType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("legal_name"), rs.getString("email"),
                rs.getString("phone"), Jdbc.date(rs, "date_of_birth"),
                new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("address_city"),
                        rs.getString("address_region"), rs.getString("address_postal_code"), rs.getString("address_country")),
                Jdbc.instant(rs, "created_at"));
    }
}
