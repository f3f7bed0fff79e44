package org.opencustoms.selection.config;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Function;

/** Maps a list through a reactive step one item at a time: a Hibernate Reactive session runs one query at once. */
public final class Sequentially {

    private Sequentially() {
    }

    public static <T, R> Uni<List<R>> map(List<T> items, Function<? super T, Uni<R>> step) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Multi<T> each = Multi.createFrom().iterable(items);
        return each.onItem().<R>transformToUniAndConcatenate(step::apply).collect().asList().map(List::copyOf);
    }
}
