package io.cardflow.common;

import java.util.List;
import java.util.function.Function;

/** A page of a cursor-paginated list, as the contract shapes it: {@code { "data": [...], "hasMore": bool }}. */
public record Page<T>(List<T> data, boolean hasMore) {

    /** Builds a page from a query that fetched up to {@code limit + 1} rows, the extra one only telling that more exist. */
    public static <T> Page<T> fromOverfetched(List<T> rows, int limit) {
        return new Page<>(rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows), rows.size() > limit);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), hasMore);
    }
}
