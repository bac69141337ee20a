package io.cardflow.common;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** A page of a cursor-paginated list, as the contract shapes it: {@code { "data": [...], "hasMore": bool }}. */
@Schema(description = "One page of a list. To get the next page, call again with startingAfter set to the id of the last "
        + "object in data, while hasMore is true.")
public record Page<T>(
        @Schema(description = "The objects of this page, at most limit of them, in the list's order") List<T> data,
        @Schema(description = "Whether more objects follow this page", example = "false") boolean hasMore) {

    /** Builds a page from a query that fetched up to {@code limit + 1} rows, the extra one only telling that more exist. */
    public static <T> Page<T> fromOverfetched(List<T> rows, int limit) {
        return new Page<>(rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows), rows.size() > limit);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), hasMore);
    }
}
