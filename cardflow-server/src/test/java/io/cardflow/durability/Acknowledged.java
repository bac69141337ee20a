package io.cardflow.durability;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What the server acknowledged: every write answered 2xx, with its answer. After a crash, each must be there exactly
 * as answered, and the money must add up to exactly the acknowledged deposits and top-ups.
 */
final class Acknowledged {

    record Entry(Write write, Api.Response answer) {

        String id() {
            return answer.field(write.idField());
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** Keeps the write if the server acknowledged it (2xx); answers whether it did. */
    boolean record(Write write, Api.Response answer) {
        if (answer == null || answer.status() / 100 != 2) {
            return false;
        }
        entries.add(new Entry(write, answer));
        return true;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    List<Entry> of(Write.Kind kind) {
        return entries.stream().filter(entry -> entry.write().kind() == kind).toList();
    }

    int size() {
        return entries.size();
    }

    Map<Write.Kind, Long> counts() {
        Map<Write.Kind, Long> counts = new EnumMap<>(Write.Kind.class);
        entries.forEach(entry -> counts.merge(entry.write().kind(), 1L, Long::sum));
        return counts;
    }

    /** Every acknowledged object the server no longer has, or has otherwise than it answered. */
    List<String> missing(PatientClient client) {
        List<String> missing = new ArrayList<>();
        for (Entry entry : entries) {
            if (!presentAsAnswered(client, entry)) {
                missing.add(entry.write().kind() + " " + entry.id() + " (answered " + entry.answer() + ")");
            }
        }
        return missing;
    }

    private static boolean presentAsAnswered(PatientClient client, Entry entry) {
        Write write = entry.write();
        String id = entry.id();
        return switch (write.kind()) {
            case MERCHANT -> sameField(client.get("/api/v1/admin/merchants/" + id, TestServer.ADMIN_KEY), "name", entry);
            case API_KEY -> client.get("/api/v1/balance", entry.answer().field("key")).status() == 200;
            // A deposit has no read of its own: the merchant balances account for each one (see balanceMismatches).
            case DEPOSIT -> id != null;
            case CUSTOMER -> sameField(client.get("/api/v1/customers/" + id, write.credential()), "customerId", entry);
            case KYC -> sameField(client.get(Fixtures.applicationPath(write.subject(), Write.PRODUCT) + "status",
                    write.credential()), "applicationId", entry);
            case CARD -> sameField(client.get("/api/v1/card/" + id, write.credential()), "customerId", entry);
            case TOP_UP -> sameField(client.get("/api/v1/topupstatus/" + id, write.credential()), "amount", entry);
        };
    }

    private static boolean sameField(Api.Response read, String field, Entry entry) {
        return read.status() == 200 && Objects.equals(read.field(field), entry.answer().field(field));
    }

    /** Applications, cards and top-ups still waiting for their decision. */
    long undecided(PatientClient client) {
        return entries.stream().filter(entry -> !decided(client, entry)).count();
    }

    private static boolean decided(PatientClient client, Entry entry) {
        Write write = entry.write();
        return switch (write.kind()) {
            case KYC -> {
                Api.Response status = client.get(Fixtures.applicationPath(write.subject(), Write.PRODUCT) + "status", write.credential());
                yield !"underreview".equals(status.field("status")) || status.json().get("manualReview").asBoolean();
            }
            case CARD -> !"pending".equals(client.get("/api/v1/card/" + entry.id(), write.credential()).field("state"));
            case TOP_UP -> !"pending".equals(client.get("/api/v1/topupstatus/" + entry.id(), write.credential()).field("status"));
            default -> true;
        };
    }

    /**
     * Money that does not add up: for each merchant, its acknowledged deposits minus its approved top-ups must be
     * exactly its available plus pending balance; each card's balance must be exactly its approved top-ups.
     */
    List<String> balanceMismatches(PatientClient client) {
        Map<String, String> merchantOfKey = of(Write.Kind.API_KEY).stream()
                .collect(Collectors.toMap(key -> key.answer().field("key"), key -> key.write().subject()));
        Map<String, Long> expectedByMerchant = new java.util.HashMap<>();
        of(Write.Kind.DEPOSIT).forEach(deposit -> expectedByMerchant.merge(deposit.write().subject(), deposit.write().amount(), Long::sum));
        Map<String, Long> expectedByCard = new java.util.HashMap<>();
        for (Entry topUp : of(Write.Kind.TOP_UP)) {
            String status = client.get("/api/v1/topupstatus/" + topUp.id(), topUp.write().credential()).field("status");
            if ("approved".equals(status)) {
                expectedByMerchant.merge(merchantOfKey.get(topUp.write().credential()), -topUp.write().amount(), Long::sum);
                expectedByCard.merge(topUp.write().subject(), topUp.write().amount(), Long::sum);
            }
        }
        List<String> mismatches = new ArrayList<>();
        expectedByMerchant.forEach((merchantId, expected) -> {
            Api.Response merchant = client.get("/api/v1/admin/merchants/" + merchantId, TestServer.ADMIN_KEY);
            if (merchant.status() != 200) {
                mismatches.add("merchant " + merchantId + " of acknowledged deposits is gone: " + merchant);
                return;
            }
            long held = merchant.json().get("balances").valueStream()
                    .filter(balance -> Write.CURRENCY.equals(balance.get("currency").asString()))
                    .mapToLong(balance -> balance.get("available").asLong() + balance.get("pending").asLong()).sum();
            if (held != expected) {
                mismatches.add("merchant " + merchantId + " holds " + held + ", acknowledged writes say " + expected);
            }
        });
        for (Entry card : of(Write.Kind.CARD)) {
            Api.Response read = client.get("/api/v1/card/" + card.id(), card.write().credential());
            if (read.status() != 200) {
                mismatches.add("card " + card.id() + " is gone: " + read);
                continue;
            }
            long balance = read.json().get("balance").asLong();
            long expected = expectedByCard.getOrDefault(card.id(), 0L);
            if (balance != expected) {
                mismatches.add("card " + card.id() + " has " + balance + ", acknowledged top-ups say " + expected);
            }
        }
        return mismatches;
    }
}
