package io.cardflow.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list (newest first; the events oldest first), and the way to the next ones:
 * {@link #autoPagingIterable()} and {@link #stream()} fetch the following pages lazily, each continuing after the
 * last id of the previous one.
 */
public final class Page<T> {

    private final List<T> data;
    private final boolean hasMore;
    private final Function<String, Page<T>> fetchAfter;
    private final Function<T, String> idOf;

    Page(List<T> data, boolean hasMore, Function<String, Page<T>> fetchAfter, Function<T, String> idOf) {
        this.data = data == null ? List.of() : List.copyOf(data);
        this.hasMore = hasMore;
        this.fetchAfter = fetchAfter;
        this.idOf = idOf;
    }

    public List<T> data() {
        return data;
    }

    public boolean hasMore() {
        return hasMore;
    }

    /** The next page, fetched now; empty when this is the last one. */
    public Optional<Page<T>> nextPage() {
        // An empty page has no last id to continue after, whatever hasMore says.
        if (!hasMore || data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fetchAfter.apply(idOf.apply(data.getLast())));
    }

    /** Every item from this page on, fetching further pages only as the iteration reaches them. */
    public Iterable<T> autoPagingIterable() {
        return () -> new AutoPagingIterator<>(this);
    }

    /** Every item from this page on, as a lazy, ordered stream. */
    public Stream<T> stream() {
        var spliterator = Spliterators.spliteratorUnknownSize(
                new AutoPagingIterator<>(this), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false);
    }

    private static final class AutoPagingIterator<T> implements Iterator<T> {
        private Page<T> page;
        private Iterator<T> items;

        AutoPagingIterator(Page<T> first) {
            page = first;
            items = first.data.iterator();
        }

        @Override
        public boolean hasNext() {
            while (!items.hasNext()) {
                var next = page.nextPage();
                if (next.isEmpty()) {
                    return false;
                }
                page = next.get();
                items = page.data.iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }
    }
}
