package io.cardflow.config;

/** The two databases cardflow runs on, told apart by the JDBC URL. */
public enum DatabaseKind {
    POSTGRESQL, H2;

    public static DatabaseKind of(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalStateException("cardflow runs on PostgreSQL (jdbc:postgresql:) or the embedded H2 (jdbc:h2:), not on "
                + (jdbcUrl == null ? "an unset spring.datasource.url" : jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 16))));
    }
}
