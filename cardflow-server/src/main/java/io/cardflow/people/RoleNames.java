package io.cardflow.people;

import io.cardflow.common.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a role's wire name for a kind of user, refusing (naming the field) one that the kind does not have. */
final class RoleNames {

    private RoleNames() {
    }

    static OperatorRole operatorRole(String role) {
        return Arrays.stream(OperatorRole.values()).filter(value -> value.wire().equals(role)).findFirst()
                .orElseThrow(() -> ApiException.invalid("role", "must be one of " + wires(OperatorRole.values())));
    }

    static MerchantRole merchantRole(String role) {
        return Arrays.stream(MerchantRole.values()).filter(value -> value.wire().equals(role)).findFirst()
                .orElseThrow(() -> ApiException.invalid("role", "must be one of " + wires(MerchantRole.values())));
    }

    private static String wires(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
