package io.cardflow.sdk.model;

import java.time.Instant;

/**
 * The filters of {@code GET /api/v1/events}, which combine, and its paging. {@code type} is one type of the catalog
 * ({@code card.activated}) or a prefix ending with a dot ({@code card.}). The list runs oldest first.
 */
public record EventListParams(String type, String objectId, Instant createdAfter, Integer limit,
                              String startingAfter) {

    public static EventListParams defaults() {
        return new EventListParams(null, null, null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The paging part, for the SDK's pages. */
    public ListParams paging() {
        return new ListParams(limit, startingAfter);
    }

    public static final class Builder {
        private String type;
        private String objectId;
        private Instant createdAfter;
        private Integer limit;
        private String startingAfter;

        private Builder() {
        }

        /** One type of the catalog, or a prefix of some ending with a dot ({@code card.}). */
        public Builder type(String typeOrPrefix) {
            this.type = typeOrPrefix;
            return this;
        }

        public Builder type(EventType type) {
            return type(type.filterName());
        }

        public Builder objectId(String objectId) {
            this.objectId = objectId;
            return this;
        }

        public Builder createdAfter(Instant createdAfter) {
            this.createdAfter = createdAfter;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** The id of the last event already seen: the list continues with the events written after it. */
        public Builder startingAfter(String eventId) {
            this.startingAfter = eventId;
            return this;
        }

        public EventListParams build() {
            return new EventListParams(type, objectId, createdAfter, limit, startingAfter);
        }
    }
}
