package io.dvclint.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.GraphSpecificsStrategy;
import org.jgrapht.graph.IntrusiveEdgesSpecifics;
import org.jgrapht.graph.UniformIntrusiveEdgesSpecifics;
import org.jgrapht.graph.specifics.FastLookupDirectedSpecifics;
import org.jgrapht.graph.specifics.Specifics;

/**
 * jgrapht's {@code DefaultDirectedGraph} (directed, unweighted, no multiple edges, self-loops allowed) with the same
 * fast-lookup internals, created by a named class. jgrapht's own {@code FastLookupGraphSpecificsStrategy} creates
 * them with serializable lambdas, which a class-data-sharing archive cannot hold: every run would generate those
 * classes at start-up, bytecode writer included.
 */
final class DirectedGraph<V, E> extends AbstractBaseGraph<V, E> {
    private static final long serialVersionUID = 1L;

    DirectedGraph() {
        super(null, null, new DefaultGraphType.Builder().directed().allowMultipleEdges(false).allowSelfLoops(true)
                .weighted(false).build(), new Strategy<>());
    }

    private static final class Strategy<V, E> implements GraphSpecificsStrategy<V, E> {
        private static final long serialVersionUID = 1L;

        @Override
        public Function<GraphType, IntrusiveEdgesSpecifics<V, E>> getIntrusiveEdgesSpecificsFactory() {
            return new EdgesFactory<>();
        }

        @Override
        public BiFunction<Graph<V, E>, GraphType, Specifics<V, E>> getSpecificsFactory() {
            return new SpecificsFactory<>(this);
        }
    }

    private static final class EdgesFactory<V, E> implements Function<GraphType, IntrusiveEdgesSpecifics<V, E>> {
        @Override
        public IntrusiveEdgesSpecifics<V, E> apply(GraphType type) {
            return new UniformIntrusiveEdgesSpecifics<>(new LinkedHashMap<>());
        }
    }

    private record SpecificsFactory<V, E>(GraphSpecificsStrategy<V, E> strategy)
            implements BiFunction<Graph<V, E>, GraphType, Specifics<V, E>> {
        @Override
        public Specifics<V, E> apply(Graph<V, E> graph, GraphType type) {
            return new FastLookupDirectedSpecifics<>(graph, new LinkedHashMap<>(), new HashMap<>(),
                    strategy.getEdgeSetFactory());
        }
    }
}
