package io.cardflow.sdk.model;

/** Cursor pagination: {@code limit} (1–100, server default 10) and {@code startingAfter}, the last id already seen. */
public record ListParams(Integer limit, String startingAfter) {

    public static ListParams defaults() {
        return new ListParams(null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same query, continuing after {@code lastId}. */
    public ListParams continuingAfter(String lastId) {
        return new ListParams(limit, lastId);
    }

    public static final class Builder {
        private Integer limit;
        private String startingAfter;

        private Builder() {
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder startingAfter(String startingAfter) {
            this.startingAfter = startingAfter;
            return this;
        }

        public ListParams build() {
            return new ListParams(limit, startingAfter);
        }
    }
}
