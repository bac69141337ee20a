package io.cardflow.sdk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@code client.events().follow(..)} reads and how it waits for new events.
 *
 * <ul>
 *   <li>{@code type}, {@code objectId}: the list's filters.</li>
 *   <li>Where to start: after the event {@code startingAfter} (resume where a previous reader stopped), else after
 *       {@code createdAfter}; with neither, from the moment {@code follow} is called (by this machine's clock).</li>
 *   <li>{@code longPollWait}: how long each request asks the server to hold it until a new event exists ({@code ?wait=},
 *       long-poll, at most 60 s); {@link Duration#ZERO} never asks.</li>
 *   <li>{@code minPollInterval} to {@code maxPollInterval}: when the server answers at once with nothing new (it
 *       does not long-poll), the pause before asking again, doubling while nothing comes.</li>
 * </ul>
 */
public record EventFollowParams(String type, String objectId, String startingAfter, Instant createdAfter,
                                Duration longPollWait, Duration minPollInterval, Duration maxPollInterval) {

    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    public EventFollowParams {
        Objects.requireNonNull(longPollWait, "longPollWait");
        if (longPollWait.isNegative() || longPollWait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("longPollWait must be between 0 and 60 seconds, was " + longPollWait);
        }
        if (minPollInterval.isNegative() || minPollInterval.isZero() || maxPollInterval.compareTo(minPollInterval) < 0) {
            throw new IllegalArgumentException("need 0 < minPollInterval <= maxPollInterval");
        }
    }

    public static EventFollowParams fromNow() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same, starting with the events created after {@code instant}. */
    public EventFollowParams withCreatedAfter(Instant instant) {
        return new EventFollowParams(type, objectId, startingAfter, instant, longPollWait, minPollInterval,
                maxPollInterval);
    }

    public static final class Builder {
        private String type;
        private String objectId;
        private String startingAfter;
        private Instant createdAfter;
        private Duration longPollWait = Duration.ofSeconds(25);
        private Duration minPollInterval = Duration.ofMillis(500);
        private Duration maxPollInterval = Duration.ofSeconds(10);

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

        /** Start after this event: the id of the last event a previous reader handled. */
        public Builder startingAfter(String eventId) {
            this.startingAfter = eventId;
            return this;
        }

        /** Start with the events created after this instant; with {@code startingAfter} too, both apply. */
        public Builder createdAfter(Instant createdAfter) {
            this.createdAfter = createdAfter;
            return this;
        }

        public Builder longPollWait(Duration longPollWait) {
            this.longPollWait = longPollWait;
            return this;
        }

        public Builder pollInterval(Duration min, Duration max) {
            this.minPollInterval = Objects.requireNonNull(min);
            this.maxPollInterval = Objects.requireNonNull(max);
            return this;
        }

        public EventFollowParams build() {
            return new EventFollowParams(type, objectId, startingAfter, createdAfter, longPollWait, minPollInterval,
                    maxPollInterval);
        }
    }
}
